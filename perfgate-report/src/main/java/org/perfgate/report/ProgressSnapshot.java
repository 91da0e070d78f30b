package org.perfgate.report;

import java.time.Duration;
import org.perfgate.model.Durations;

/**
 * What the live progress line shows, sampled once a second by the runner.
 *
 * @param elapsed time since the run started
 * @param total the planned duration, {@link Duration#ZERO} when not known in advance (iteration-based
 *     executors)
 * @param vus active virtual users, {@code >= 0}
 * @param requestsPerSecond requests completed per second over the last interval, finite, {@code >= 0}
 * @param p95Millis 95th percentile of {@code http_req_duration} over the last interval in
 *     milliseconds, finite, {@code >= 0}
 * @param errorRate share of failed requests in [0, 1]
 */
public record ProgressSnapshot(
    Duration elapsed, Duration total, long vus, double requestsPerSecond, double p95Millis, double errorRate) {
  public ProgressSnapshot {
    Durations.requireNonNegative(elapsed, "elapsed");
    Durations.requireNonNegative(total, "total");
    if (vus < 0) {
      throw new IllegalArgumentException("vus must not be negative, was " + vus);
    }
    requireNonNegativeFinite(requestsPerSecond, "requestsPerSecond");
    requireNonNegativeFinite(p95Millis, "p95Millis");
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be in [0, 1], was " + errorRate);
    }
  }

  private static void requireNonNegativeFinite(double value, String field) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(field + " must be finite and not negative, was " + value);
    }
  }
}
