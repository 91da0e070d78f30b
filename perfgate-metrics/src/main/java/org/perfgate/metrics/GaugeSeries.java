package org.perfgate.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;

/**
 * A gauge: the current value plus the interval's minimum and maximum, in {@link AtomicLong}s. An
 * interval's value is the current value when it closes; a gauge never set reads 0.
 */
final class GaugeSeries extends Series implements GaugeRecorder {
  private final AtomicLong current = new AtomicLong();
  private final AtomicLong intervalMin = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong intervalMax = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean everSet;
  private boolean closedAnySet;
  private long closedValue;
  private long closedMin;
  private long closedMax;

  GaugeSeries(MetricKey key) {
    super(key);
  }

  @Override
  MetricType type() {
    return MetricType.GAUGE;
  }

  @Override
  public void set(long value) {
    current.set(value);
    // Loops instead of accumulateAndGet: no write (no cache-line transfer) when the bound holds.
    long min = intervalMin.get();
    while (value < min && !intervalMin.compareAndSet(min, value)) {
      min = intervalMin.get();
    }
    long max = intervalMax.get();
    while (value > max && !intervalMax.compareAndSet(max, value)) {
      max = intervalMax.get();
    }
    if (!everSet) {
      everSet = true;
    }
  }

  @Override
  MetricValues closeInterval() {
    long value = current.get();
    // A set racing with this close may land its min/max in the next interval; folding in the value
    // read above keeps value within [min, max] either way.
    long min = Math.min(intervalMin.getAndSet(Long.MAX_VALUE), value);
    long max = Math.max(intervalMax.getAndSet(Long.MIN_VALUE), value);
    closedValue = value;
    if (everSet) {
      closedMin = closedAnySet ? Math.min(closedMin, min) : min;
      closedMax = closedAnySet ? Math.max(closedMax, max) : max;
      closedAnySet = true;
    }
    return new MetricValues.Gauge(value, min, max);
  }

  @Override
  MetricValues total(Duration elapsed) {
    return new MetricValues.Gauge(closedValue, closedMin, closedMax);
  }

  @Override
  double aggregate(Aggregation aggregation, Duration elapsed) {
    return switch (aggregation.kind()) {
      case VALUE -> closedValue;
      case AVG, MIN, MAX, MED, PERCENTILE, COUNT, RATE -> throw notApplicable(aggregation, type());
    };
  }
}
