package org.perfgate.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runs {@link RunStore#history} lists: every filter that is set must match; newest first, at
 * most {@code limit}. Example: {@code HistoryQuery.all().withPlanName("checkout").withLimit(20)}.
 *
 * @param since runs that started at or after this instant
 * @param limit at most this many runs, {@code >= 1}
 */
public record HistoryQuery(
    Optional<String> planName, Optional<String> branch, Optional<String> tag, Optional<Instant> since, int limit) {
  public HistoryQuery {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(since, "since");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
  }

  /** Every run, newest first. */
  public static HistoryQuery all() {
    return new HistoryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
  }

  public HistoryQuery withPlanName(String value) {
    return new HistoryQuery(Optional.of(value), branch, tag, since, limit);
  }

  public HistoryQuery withBranch(String value) {
    return new HistoryQuery(planName, Optional.of(value), tag, since, limit);
  }

  public HistoryQuery withTag(String value) {
    return new HistoryQuery(planName, branch, Optional.of(value), since, limit);
  }

  public HistoryQuery withSince(Instant value) {
    return new HistoryQuery(planName, branch, tag, Optional.of(value), limit);
  }

  public HistoryQuery withLimit(int value) {
    return new HistoryQuery(planName, branch, tag, since, value);
  }
}
