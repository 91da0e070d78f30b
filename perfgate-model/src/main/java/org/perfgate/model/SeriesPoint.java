package org.perfgate.model;

import java.util.Objects;

/**
 * One second of one (sub-)metric: the values recorded in {@code [second, second + 1)} seconds after
 * the run started. Time trends here carry stats and that second's histogram.
 */
public record SeriesPoint(long second, MetricKey key, MetricValues values) {
  public SeriesPoint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(values, "values");
  }
}
