package org.perfgate.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;
import org.perfgate.model.TrendStats;

/** Rows of {@code runs} and {@code run_metrics}: inserts, and metadata read back from columns. */
final class RunRows {
  /** The metadata columns, in the order {@link #metadata} reads them. */
  static final String METADATA_COLUMNS = "r.id, r.project, r.plan_name, r.plan_hash, r.git_sha, r.branch, r.tag, "
      + "r.started_epoch_nanos, r.cpu_model, r.cores, r.os, r.jdk, r.perfgate_version, r.labels_json, "
      + "r.trial_group, r.trial";
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final String INSERT_RUN = "INSERT INTO runs (id, project, plan_name, plan_hash, git_sha, branch, tag, "
      + "started_epoch_nanos, cpu_model, cores, os, jdk, perfgate_version, labels_json, trial_group, trial, "
      + "thresholds_passed, abort_reason, result_codec_gzip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_METRIC = "INSERT INTO run_metrics (run_id, metric_key, metric_name, metric_type, "
      + "count, min, avg, p50, p90, p95, p99, p999, max, rate, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private RunRows() {}

  static boolean exists(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Inserts a run, its gzipped codec bytes and one row per metric, in the caller's transaction. */
  static void insert(Connection connection, String id, RunMetadata metadata, RunResult result, byte[] codecBytes)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT_RUN)) {
      EnvironmentFingerprint environment = metadata.environment();
      statement.setString(1, id);
      statement.setString(2, metadata.project());
      statement.setString(3, metadata.planName());
      statement.setString(4, metadata.planHash());
      setNullable(statement, 5, metadata.gitSha().orElse(null));
      setNullable(statement, 6, metadata.branch().orElse(null));
      setNullable(statement, 7, metadata.tag().orElse(null));
      statement.setLong(8, epochNanos(metadata.time()));
      statement.setString(9, environment.cpuModel());
      statement.setInt(10, environment.cores());
      statement.setString(11, environment.os());
      statement.setString(12, environment.jdk());
      statement.setString(13, environment.perfgateVersion());
      statement.setString(14, RunJson.labelsJson(environment.labels()));
      statement.setString(15, metadata.trialGroup());
      statement.setInt(16, metadata.trial());
      statement.setBoolean(17, result.thresholdsPassed());
      setNullable(statement, 18, result.abortReason().orElse(null));
      statement.setBytes(19, gzip(codecBytes));
      statement.executeUpdate();
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT_METRIC)) {
      for (MetricResult metric : result.metrics()) {
        addMetric(statement, id, metric);
      }
      statement.executeBatch();
    }
  }

  private static void addMetric(PreparedStatement statement, String id, MetricResult metric) throws SQLException {
    statement.setString(1, id);
    statement.setString(2, metric.key().toString());
    statement.setString(3, metric.key().name());
    statement.setString(4, metric.type().name());
    // count, min, avg, p50, p90, p95, p99, p999, max, rate, value
    Double[] values = switch (metric.values()) {
      case MetricValues.Trend trend -> {
        TrendStats s = trend.stats();
        yield new Double[] {(double) s.count(), s.min(), s.avg(), s.med(), s.p90(), s.p95(), s.p99(), s.p999(),
            s.max(), null, null};
      }
      case MetricValues.Counter counter ->
          new Double[] {counter.count(), null, null, null, null, null, null, null, null, counter.ratePerSecond(), null};
      case MetricValues.Rate rate -> new Double[] {(double) (rate.passes() + rate.fails()), null, null, null, null,
          null, null, null, null, rate.rate(), (double) rate.passes()};
      case MetricValues.Gauge gauge ->
          new Double[] {null, gauge.min(), null, null, null, null, null, null, gauge.max(), null, gauge.value()};
    };
    for (int i = 0; i < values.length; i++) {
      // NaN/infinite values would read back differently per database: stored as unknown.
      if (values[i] == null || !Double.isFinite(values[i])) {
        statement.setNull(5 + i, Types.DOUBLE);
      } else {
        statement.setDouble(5 + i, values[i]);
      }
    }
    statement.addBatch();
  }

  /** The metadata of the current row, selected with {@link #METADATA_COLUMNS} first. */
  static RunMetadata metadata(ResultSet row) throws SQLException {
    EnvironmentFingerprint environment = new EnvironmentFingerprint(row.getString(9), row.getInt(10),
        row.getString(11), row.getString(12), row.getString(13), RunJson.labels(row.getString(14)));
    return new RunMetadata(row.getString(2), row.getString(3), row.getString(4), Optional.ofNullable(row.getString(5)),
        Optional.ofNullable(row.getString(6)), Optional.ofNullable(row.getString(7)), instant(row.getLong(8)),
        environment, row.getString(15), row.getInt(16));
  }

  static long epochNanos(Instant time) {
    try {
      return Math.addExact(Math.multiplyExact(time.getEpochSecond(), NANOS_PER_SECOND), time.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("time " + time + " is outside the years 1678-2262 that the store keeps", e);
    }
  }

  static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
  }

  /** Binds {@code value}, or SQL NULL for an unset optional. */
  static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
    if (value != null) {
      statement.setString(index, value);
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return gzip.readAllBytes();
    }
  }
}
