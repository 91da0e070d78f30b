package org.perfgate.metrics;

import java.time.Duration;
import java.util.Optional;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;

/**
 * One (sub-)metric's recording state: the live recorder written by any thread, plus the closed
 * state (cumulative totals, last interval) that only the {@link MetricRegistry} touches, under its
 * lock.
 */
abstract sealed class Series permits TrendSeries, CounterSeries, RateSeries, GaugeSeries {
  private final MetricKey key;
  private MetricValues lastInterval;
  /** This series' key in the registry's spool; set once at registration, under the lock. */
  int spoolIndex;

  Series(MetricKey key) {
    this.key = key;
  }

  final MetricKey key() {
    return key;
  }

  abstract MetricType type();

  /** Ends the current interval: folds it into the totals and returns its values. Under the lock. */
  final MetricValues close() {
    lastInterval = closeInterval();
    return lastInterval;
  }

  /** The values of the last closed interval, empty before the first. Under the lock. */
  final Optional<MetricValues> lastInterval() {
    return Optional.ofNullable(lastInterval);
  }

  abstract MetricValues closeInterval();

  /** Totals over all closed intervals. Under the lock. */
  abstract MetricValues total(Duration elapsed);

  /**
   * The value of {@code aggregation} over all closed intervals, in the display unit. Under the lock;
   * the caller has checked {@link Aggregation#appliesTo}.
   */
  abstract double aggregate(Aggregation aggregation, Duration elapsed);

  /** {@code count} per second of {@code elapsed}; 0 for a zero duration. */
  static double perSecond(double count, Duration elapsed) {
    long nanos = elapsed.toNanos();
    return nanos == 0 ? 0 : count * 1e9 / nanos;
  }

  static IllegalStateException notApplicable(Aggregation aggregation, MetricType type) {
    return new IllegalStateException(aggregation + " does not apply to a " + type + " metric");
  }
}
