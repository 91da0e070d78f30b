package org.perfgate.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perfgate.model.Comparison;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;

/** {@link RunStore} over JDBC, for SQLite and PostgreSQL alike. */
final class JdbcRunStore implements RunStore {
  /** The shortest id prefix {@link #find} accepts. */
  static final int MIN_PREFIX = 4;
  private static final int ID_ATTEMPTS = 8;
  private static final String SELECT_RUN = "SELECT " + RunRows.METADATA_COLUMNS + ", r.result_codec_gzip FROM runs r ";

  private final Database database;
  private final RunCodec codec;
  private final RunIds ids;
  private final HistoryQueries queries;
  private final ComparisonRows comparisons;

  private JdbcRunStore(Database database, RunCodec codec, Clock clock) {
    this.database = database;
    this.codec = codec;
    this.ids = new RunIds(new SecureRandom());
    this.queries = new HistoryQueries(database, clock, this::resolveId);
    this.comparisons = new ComparisonRows(database, clock, ids);
  }

  static JdbcRunStore open(StoreLocation location, RunCodec codec, Clock clock) {
    Objects.requireNonNull(codec, "codec");
    Database database = new Database(location);
    try {
      Schema.prepare(database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new JdbcRunStore(database, codec, clock);
  }

  @Override
  public String save(RunMetadata metadata, RunResult result) {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(result, "result");
    byte[] bytes = codec.encode(result);
    for (int attempt = 1; ; attempt++) {
      String id = ids.next(metadata.time());
      boolean saved = database.write(connection -> {
        if (RunRows.exists(connection, id)) {
          return false;
        }
        RunRows.insert(connection, id, metadata, result, bytes);
        return true;
      });
      if (saved) {
        return id;
      }
      if (attempt >= ID_ATTEMPTS) {
        throw new PerfgateException("no free run id for a run started at " + metadata.time() + " after " + attempt
            + " attempts");
      }
    }
  }

  /** Stores a run under a given id (import, spool); false when that id is already present. */
  boolean saveWithId(String id, RunMetadata metadata, byte[] codecBytes) {
    RunResult result = codec.decode(codecBytes);
    try {
      return database.write(connection -> {
        if (RunRows.exists(connection, id)) {
          return false;
        }
        RunRows.insert(connection, id, metadata, result, codecBytes);
        return true;
      });
    } catch (PerfgateException e) {
      // Another process imported the same run between our check and insert (PostgreSQL).
      if (e.getCause() instanceof SQLException sql && SqlFailures.isDuplicate(sql)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<StoredRun> find(String runId) {
    Objects.requireNonNull(runId, "runId");
    return resolveId(runId).flatMap(id -> {
      List<StoredRun> runs = database.read(connection -> selectRuns(connection, "WHERE r.id = ?", id));
      return runs.stream().findFirst();
    });
  }

  /** The id of the run with this id or unique prefix. */
  Optional<String> resolveId(String idOrPrefix) {
    return database.read(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM runs WHERE id = ?")) {
        statement.setString(1, idOrPrefix);
        try (ResultSet rows = statement.executeQuery()) {
          if (rows.next()) {
            return Optional.of(rows.getString(1));
          }
        }
      }
      if (idOrPrefix.length() < MIN_PREFIX) {
        return Optional.empty();
      }
      List<String> matches = new ArrayList<>();
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT id FROM runs WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 11")) {
        statement.setInt(1, idOrPrefix.length());
        statement.setString(2, idOrPrefix);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            matches.add(rows.getString(1));
          }
        }
      }
      if (matches.size() > 1) {
        throw new InvalidInputException("run id prefix '" + idOrPrefix + "' is ambiguous: it matches "
            + String.join(", ", matches.subList(0, Math.min(10, matches.size())))
            + (matches.size() > 10 ? ", ..." : "") + "; give more characters");
      }
      return matches.stream().findFirst();
    });
  }

  @Override
  public List<RunSummary> history(HistoryQuery query) {
    return queries.history(query);
  }

  @Override
  public List<MetricPoint> metricHistory(
      String planName, String metricKey, String statistic, Optional<String> branch, int limit) {
    return MetricHistoryQuery.run(database, planName, metricKey, statistic, branch, limit);
  }

  @Override
  public List<StoredRun> trialGroup(String trialGroup) {
    Objects.requireNonNull(trialGroup, "trialGroup");
    return database.read(connection -> selectRuns(connection, "WHERE r.trial_group = ? ORDER BY r.trial, r.id",
        trialGroup));
  }

  @Override
  public void saveBaseline(String name, String runId) {
    queries.saveBaseline(name, runId);
  }

  @Override
  public SavedComparison saveComparison(String kind, String project, Comparison comparison) {
    return comparisons.save(kind, project, comparison);
  }

  @Override
  public List<SavedComparison> comparisons(Optional<String> planName, int limit) {
    return comparisons.list(planName, limit);
  }

  @Override
  public Optional<Baseline> baseline(String name) {
    return queries.baseline(name);
  }

  @Override
  public List<Baseline> baselines() {
    return queries.baselines();
  }

  @Override
  public boolean deleteBaseline(String name) {
    return queries.deleteBaseline(name);
  }

  @Override
  public Optional<String> latestGroup(
      String planName, Optional<String> branch, Optional<String> tag, Optional<String> excludeGroup) {
    return queries.latestGroup(planName, branch, tag, excludeGroup);
  }

  @Override
  public void exportTo(OutputStream out) {
    List<String> all = database.read(connection -> {
      List<String> found = new ArrayList<>();
      try (PreparedStatement statement =
              connection.prepareStatement("SELECT id FROM runs ORDER BY started_epoch_nanos, id");
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    });
    // One run at a time, so exporting a large history holds one result in memory, not all.
    try {
      for (String id : all) {
        byte[] line = database.read(connection -> {
          try (PreparedStatement statement = connection.prepareStatement(SELECT_RUN + "WHERE r.id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? RunJson.line(id, RunRows.metadata(rows), codecBytes(id, rows)) : null;
            }
          }
        });
        if (line != null) {
          out.write(line);
          out.write('\n');
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export of " + describe(), e);
    }
  }

  @Override
  public int importFrom(InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int imported = 0;
    int number = 0;
    try {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        RunJson.Line line = RunJson.parse("line " + number, text);
        if (saveWithId(line.id(), line.metadata(), line.codecBytes())) {
          imported++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the import at line " + (number + 1), e);
    }
    return imported;
  }

  @Override
  public String describe() {
    return database.location().description();
  }

  @Override
  public void close() {
    database.close();
  }

  private List<StoredRun> selectRuns(Connection connection, String where, String parameter) throws SQLException {
    List<StoredRun> runs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(SELECT_RUN + where)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString(1);
          RunResult result;
          try {
            result = codec.decode(codecBytes(id, rows));
          } catch (RuntimeException e) {
            throw new PerfgateException("run " + id + " in " + describe() + " cannot be decoded: " + e.getMessage(), e);
          }
          runs.add(new StoredRun(id, RunRows.metadata(rows), result));
        }
      }
    }
    return runs;
  }

  private byte[] codecBytes(String id, ResultSet row) throws SQLException {
    try {
      return RunRows.gunzip(row.getBytes(17));
    } catch (IOException e) {
      throw new PerfgateException("run " + id + " in " + describe() + " has a damaged result: " + e.getMessage(), e);
    }
  }
}
