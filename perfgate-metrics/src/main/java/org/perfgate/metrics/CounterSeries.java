package org.perfgate.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;

/** A counter: one {@link LongAdder}, never reset; an interval is the difference of two sums. */
final class CounterSeries extends Series implements CounterRecorder {
  private final LongAdder sum = new LongAdder();
  // Never resetting the adder means no add can fall between a read and a reset: the intervals
  // always add up to the exact total.
  private long closedTotal;

  CounterSeries(MetricKey key) {
    super(key);
  }

  @Override
  MetricType type() {
    return MetricType.COUNTER;
  }

  @Override
  public void add(long delta) {
    sum.add(delta);
  }

  @Override
  MetricValues closeInterval() {
    long now = sum.sum();
    long delta = now - closedTotal;
    closedTotal = now;
    return new MetricValues.Counter(delta, delta); // per one-second interval
  }

  @Override
  MetricValues total(Duration elapsed) {
    return new MetricValues.Counter(closedTotal, perSecond(closedTotal, elapsed));
  }

  @Override
  double aggregate(Aggregation aggregation, Duration elapsed) {
    return switch (aggregation.kind()) {
      case COUNT -> closedTotal;
      case RATE -> perSecond(closedTotal, elapsed);
      case AVG, MIN, MAX, MED, PERCENTILE, VALUE -> throw notApplicable(aggregation, type());
    };
  }
}
