package org.perfgate.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perfgate.model.Comparison;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.Verdict;

/** The {@code comparisons} table: saved links between two compared trial groups. */
final class ComparisonRows {
  private static final int ID_ATTEMPTS = 8;
  private static final String COLUMNS = "id, created_epoch_nanos, kind, project, plan_name, base_label, base_group, "
      + "base_sha, head_label, head_group, head_sha, verdict";

  private final Database database;
  private final Clock clock;
  private final RunIds ids;

  ComparisonRows(Database database, Clock clock, RunIds ids) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
  }

  SavedComparison save(String kind, String project, Comparison comparison) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(comparison, "comparison");
    Instant now = clock.instant();
    for (int attempt = 1; ; attempt++) {
      SavedComparison saved = new SavedComparison("cmp-" + ids.next(now), now, kind, project, comparison.planName(),
          side(comparison.base()), side(comparison.head()), comparison.overall());
      boolean inserted = database.write(connection -> {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM comparisons WHERE id = ?")) {
          exists.setString(1, saved.id());
          try (ResultSet rows = exists.executeQuery()) {
            if (rows.next()) {
              return false;
            }
          }
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO comparisons (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, saved.id());
          insert.setLong(2, RunRows.epochNanos(saved.created()));
          insert.setString(3, kind);
          insert.setString(4, project);
          insert.setString(5, saved.planName());
          bind(insert, 6, saved.base());
          bind(insert, 9, saved.head());
          insert.setString(12, saved.verdict().name());
          insert.executeUpdate();
        }
        return true;
      });
      if (inserted) {
        return saved;
      }
      if (attempt >= ID_ATTEMPTS) {
        throw new PerfgateException("no free comparison id at " + now + " after " + attempt + " attempts");
      }
    }
  }

  /** The newest {@code limit} comparisons, newest first; of one plan when given. */
  List<SavedComparison> list(Optional<String> planName, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    String where = planName.isPresent() ? " WHERE plan_name = ?" : "";
    return database.read(connection -> {
      List<SavedComparison> result = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM comparisons" + where
          + " ORDER BY created_epoch_nanos DESC, id DESC LIMIT ?")) {
        int next = 1;
        if (planName.isPresent()) {
          statement.setString(next++, planName.get());
        }
        statement.setInt(next, limit);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            result.add(new SavedComparison(rows.getString(1), RunRows.instant(rows.getLong(2)), rows.getString(3),
                rows.getString(4), rows.getString(5), side(rows, 6), side(rows, 9), Verdict.valueOf(rows.getString(12))));
          }
        }
      }
      return result;
    });
  }

  private static SavedComparison.Side side(ComparedSide side) {
    return new SavedComparison.Side(side.label(), side.trialGroup(), side.metadata().gitSha());
  }

  private static void bind(PreparedStatement statement, int first, SavedComparison.Side side) throws SQLException {
    statement.setString(first, side.label());
    statement.setString(first + 1, side.trialGroup());
    statement.setString(first + 2, side.gitSha().orElse(null));
  }

  private static SavedComparison.Side side(ResultSet rows, int first) throws SQLException {
    return new SavedComparison.Side(rows.getString(first), rows.getString(first + 1),
        Optional.ofNullable(rows.getString(first + 2)));
  }
}
