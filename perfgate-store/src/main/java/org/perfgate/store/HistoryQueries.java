package org.perfgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.perfgate.model.InvalidInputException;

/** The queries that need no decoded result: history lines, latest groups and baselines. */
final class HistoryQueries {
  private static final String SUMMARY = "SELECT " + RunRows.METADATA_COLUMNS + ", r.thresholds_passed, r.abort_reason, "
      + "(SELECT MAX(m.count) FROM run_metrics m WHERE m.run_id = r.id AND m.metric_key = 'http_reqs'), "
      + "(SELECT MAX(m.p95) FROM run_metrics m WHERE m.run_id = r.id AND m.metric_key = 'http_req_duration') "
      + "FROM runs r";
  private static final String BASELINE = "SELECT name, trial_group, run_id, saved_at_epoch_nanos FROM baselines";

  private final Database database;
  private final Clock clock;
  private final Function<String, Optional<String>> resolveId;

  HistoryQueries(Database database, Clock clock, Function<String, Optional<String>> resolveId) {
    this.database = database;
    this.clock = clock;
    this.resolveId = resolveId;
  }

  List<RunSummary> history(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    Filter filter = new Filter();
    query.planName().ifPresent(value -> filter.add("r.plan_name = ?", value));
    query.branch().ifPresent(value -> filter.add("r.branch = ?", value));
    query.tag().ifPresent(value -> filter.add("r.tag = ?", value));
    query.since().ifPresent(value -> filter.add("r.started_epoch_nanos >= ?", RunRows.epochNanos(value)));
    String sql = SUMMARY + filter.where() + " ORDER BY r.started_epoch_nanos DESC, r.id DESC LIMIT ?";
    return database.read(connection -> {
      List<RunSummary> summaries = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int next = filter.bind(statement);
        statement.setInt(next, query.limit());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            double requests = rows.getDouble(19);
            boolean noRequests = rows.wasNull();
            double p95 = rows.getDouble(20);
            boolean noP95 = rows.wasNull();
            summaries.add(new RunSummary(rows.getString(1), RunRows.metadata(rows), rows.getBoolean(17),
                Optional.ofNullable(rows.getString(18)), noRequests ? 0 : requests, noP95 ? Double.NaN : p95));
          }
        }
      }
      return summaries;
    });
  }

  Optional<String> latestGroup(
      String planName, Optional<String> branch, Optional<String> tag, Optional<String> excludeGroup) {
    Objects.requireNonNull(planName, "planName");
    Filter filter = new Filter();
    filter.add("plan_name = ?", planName);
    branch.ifPresent(value -> filter.add("branch = ?", value));
    tag.ifPresent(value -> filter.add("tag = ?", value));
    excludeGroup.ifPresent(value -> filter.add("trial_group <> ?", value));
    String sql = "SELECT trial_group FROM runs" + filter.where() + " ORDER BY started_epoch_nanos DESC, id DESC LIMIT 1";
    return database.read(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        filter.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
      }
    });
  }

  void saveBaseline(String name, String runId) {
    Objects.requireNonNull(runId, "runId");
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("a baseline needs a name");
    }
    String id = resolveId.apply(runId)
        .orElseThrow(() -> new InvalidInputException("no run '" + runId + "' to name baseline '" + name + "'"));
    long now = RunRows.epochNanos(clock.instant());
    database.write(connection -> {
      String group;
      try (PreparedStatement statement = connection.prepareStatement("SELECT trial_group FROM runs WHERE id = ?")) {
        statement.setString(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new InvalidInputException("run '" + id + "' was deleted while naming baseline '" + name + "'");
          }
          group = rows.getString(1);
        }
      }
      // Both SQLite (3.24+) and PostgreSQL (9.5+) accept this upsert.
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO baselines "
          + "(name, trial_group, run_id, saved_at_epoch_nanos) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
          + "trial_group = excluded.trial_group, run_id = excluded.run_id, "
          + "saved_at_epoch_nanos = excluded.saved_at_epoch_nanos")) {
        statement.setString(1, name);
        statement.setString(2, group);
        statement.setString(3, id);
        statement.setLong(4, now);
        statement.executeUpdate();
      }
      return null;
    });
  }

  Optional<Baseline> baseline(String name) {
    Objects.requireNonNull(name, "name");
    return database.read(connection -> baselines(connection, " WHERE name = ?", name)).stream().findFirst();
  }

  List<Baseline> baselines() {
    return database.read(connection -> baselines(connection, " ORDER BY name", null));
  }

  boolean deleteBaseline(String name) {
    Objects.requireNonNull(name, "name");
    return database.write(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("DELETE FROM baselines WHERE name = ?")) {
        statement.setString(1, name);
        return statement.executeUpdate() > 0;
      }
    });
  }

  private static List<Baseline> baselines(Connection connection, String where, String parameter) throws SQLException {
    List<Baseline> baselines = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(BASELINE + where)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          baselines.add(new Baseline(rows.getString(1), rows.getString(2), rows.getString(3),
              RunRows.instant(rows.getLong(4))));
        }
      }
    }
    return baselines;
  }

  /** A WHERE clause of ANDed conditions and their parameters, bound in order. */
  private static final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    void add(String condition, Object parameter) {
      conditions.add(condition);
      parameters.add(parameter);
    }

    String where() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
      int index = 1;
      for (Object parameter : parameters) {
        if (parameter instanceof Long number) {
          statement.setLong(index++, number);
        } else {
          statement.setString(index++, (String) parameter);
        }
      }
      return index;
    }
  }
}
