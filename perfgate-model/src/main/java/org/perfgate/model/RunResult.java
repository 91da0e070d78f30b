package org.perfgate.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run produced: the input of reports, the store and comparisons.
 *
 * @param planName the plan's name
 * @param planSource where the plan came from
 * @param started wall-clock start
 * @param elapsed from start to the last iteration's end
 * @param metrics whole-run values of every metric and sub-metric, sorted by key
 * @param series per-second values, ordered by second then key
 * @param thresholds each threshold's outcome, in plan order
 * @param checks each check's counts
 * @param failures failed requests by reason ({@code connection refused}, {@code timeout},
 *     {@code status 500}, ...)
 * @param abortReason set when the run stopped early (abortOnFail, interrupt)
 */
public record RunResult(
    String planName,
    String planSource,
    Instant started,
    Duration elapsed,
    List<MetricResult> metrics,
    List<SeriesPoint> series,
    List<ThresholdResult> thresholds,
    List<CheckResult> checks,
    Map<String, Long> failures,
    Optional<String> abortReason) {
  public RunResult {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(planSource, "planSource");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(elapsed, "elapsed");
    metrics = List.copyOf(metrics);
    series = List.copyOf(series);
    thresholds = List.copyOf(thresholds);
    checks = List.copyOf(checks);
    failures = Map.copyOf(failures);
    Objects.requireNonNull(abortReason, "abortReason");
  }

  /** True when every threshold passed. */
  public boolean thresholdsPassed() {
    for (ThresholdResult result : thresholds) {
      if (!result.ok()) {
        return false;
      }
    }
    return true;
  }

  /** The whole-run result of {@code key}, if recorded. */
  public Optional<MetricResult> metric(MetricKey key) {
    for (MetricResult result : metrics) {
      if (result.key().equals(key)) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }
}
