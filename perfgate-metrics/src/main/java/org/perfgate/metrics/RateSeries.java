package org.perfgate.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;

/** A rate: non-zero (passes) and zero (fails) samples in two {@link LongAdder}s, never reset. */
final class RateSeries extends Series implements RateRecorder {
  private final LongAdder nonZero = new LongAdder();
  private final LongAdder zero = new LongAdder();
  private long closedPasses;
  private long closedFails;

  RateSeries(MetricKey key) {
    super(key);
  }

  @Override
  MetricType type() {
    return MetricType.RATE;
  }

  @Override
  public void add(boolean isNonZero) {
    if (isNonZero) {
      nonZero.increment();
    } else {
      zero.increment();
    }
  }

  @Override
  MetricValues closeInterval() {
    long passes = nonZero.sum();
    long fails = zero.sum();
    MetricValues.Rate interval = new MetricValues.Rate(passes - closedPasses, fails - closedFails);
    closedPasses = passes;
    closedFails = fails;
    return interval;
  }

  @Override
  MetricValues total(Duration elapsed) {
    return new MetricValues.Rate(closedPasses, closedFails);
  }

  @Override
  double aggregate(Aggregation aggregation, Duration elapsed) {
    return switch (aggregation.kind()) {
      case RATE -> new MetricValues.Rate(closedPasses, closedFails).rate();
      case AVG, MIN, MAX, MED, PERCENTILE, COUNT, VALUE -> throw notApplicable(aggregation, type());
    };
  }
}
