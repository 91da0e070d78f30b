package org.perfgate.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.perfgate.model.InvalidInputException;

/** {@link RunStore#metricHistory}: one query on runs joined with run_metrics, no blob decoding. */
final class MetricHistoryQuery {
  /** The run_metrics columns a statistic may name; only these reach the SQL text. */
  static final List<String> STATISTICS =
      List.of("count", "min", "avg", "p50", "p90", "p95", "p99", "p999", "max", "rate", "value");
  private static final Set<String> ALLOWED = Set.copyOf(STATISTICS);

  private MetricHistoryQuery() {}

  static List<MetricPoint> run(Database database, String planName, String metricKey, String statistic,
      Optional<String> branch, int limit) {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(metricKey, "metricKey");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(branch, "branch");
    if (!ALLOWED.contains(statistic)) {
      throw new InvalidInputException("unknown statistic '" + statistic + "': expected one of "
          + String.join(", ", STATISTICS));
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    // The newest `limit` points, read newest first and reversed, so a limit drops the oldest.
    String sql = "SELECT r.id, r.trial_group, r.trial, r.started_epoch_nanos, r.git_sha, r.branch, m." + statistic
        + " FROM runs r JOIN run_metrics m ON m.run_id = r.id"
        + " WHERE r.plan_name = ? AND m.metric_key = ? AND m." + statistic + " IS NOT NULL"
        + (branch.isPresent() ? " AND r.branch = ?" : "")
        + " ORDER BY r.started_epoch_nanos DESC, r.id DESC LIMIT ?";
    return database.read(connection -> {
      List<MetricPoint> points = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int index = 1;
        statement.setString(index++, planName);
        statement.setString(index++, metricKey);
        if (branch.isPresent()) {
          statement.setString(index++, branch.get());
        }
        statement.setInt(index, limit);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            points.add(new MetricPoint(rows.getString(1), rows.getString(2), rows.getInt(3),
                RunRows.instant(rows.getLong(4)), Optional.ofNullable(rows.getString(5)),
                Optional.ofNullable(rows.getString(6)), rows.getDouble(7)));
          }
        }
      }
      Collections.reverse(points);
      return points;
    });
  }
}
