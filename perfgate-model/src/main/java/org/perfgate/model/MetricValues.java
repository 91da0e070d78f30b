package org.perfgate.model;

import java.util.Objects;

/** What a metric amounts to over a period, by type. */
public sealed interface MetricValues {

  /** A distribution: summary statistics and the full histogram. */
  record Trend(TrendStats stats, HistogramSnapshot histogram) implements MetricValues {
    public Trend {
      Objects.requireNonNull(stats, "stats");
      Objects.requireNonNull(histogram, "histogram");
    }
  }

  /** A sum and its rate per second over the period. */
  record Counter(double count, double ratePerSecond) implements MetricValues {}

  /** Passes and fails; {@link #rate()} is passes over total. */
  record Rate(long passes, long fails) implements MetricValues {
    public double rate() {
      long total = passes + fails;
      return total == 0 ? 0 : (double) passes / total;
    }
  }

  /** The last value and the range seen. */
  record Gauge(double value, double min, double max) implements MetricValues {}
}
