package org.perfgate.model;

/**
 * The summary of a trend, in the metric's display unit (milliseconds for time trends).
 * All zero when {@code count == 0}.
 */
public record TrendStats(
    long count, double min, double max, double avg, double med, double p90, double p95, double p99, double p999) {
  public static final TrendStats EMPTY = new TrendStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
