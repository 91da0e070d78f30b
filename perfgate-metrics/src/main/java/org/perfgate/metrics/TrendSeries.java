package org.perfgate.metrics;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;

/** A trend: a multi-writer wait-free HdrHistogram {@link Recorder}, swapped once per interval. */
final class TrendSeries extends Series implements TrendRecorder {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final boolean time;
  // Recorder(int) auto-resizes: no highest trackable value to guess, no lost outliers.
  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final Histogram cumulative = new Histogram(SIGNIFICANT_DIGITS);
  private Histogram interval;

  TrendSeries(MetricKey key, boolean time) {
    super(key);
    this.time = time;
  }

  boolean isTime() {
    return time;
  }

  @Override
  MetricType type() {
    return MetricType.TREND;
  }

  @Override
  public void record(long value) {
    recorder.recordValue(value < 0 ? 0 : value);
  }

  @Override
  MetricValues closeInterval() {
    // Recycling the previous interval histogram keeps the per-second swap allocation-free.
    interval = recorder.getIntervalHistogram(interval);
    cumulative.add(interval);
    return values(interval);
  }

  @Override
  MetricValues total(Duration elapsed) {
    return values(cumulative);
  }

  @Override
  double aggregate(Aggregation aggregation, Duration elapsed) {
    if (cumulative.getTotalCount() == 0) {
      return 0;
    }
    double divisor = divisor();
    return switch (aggregation.kind()) {
      case AVG -> cumulative.getMean() / divisor;
      case MIN -> cumulative.getMinValue() / divisor;
      case MAX -> cumulative.getMaxValue() / divisor;
      case MED -> cumulative.getValueAtPercentile(50) / divisor;
      case PERCENTILE -> cumulative.getValueAtPercentile(aggregation.percentile()) / divisor;
      case COUNT, RATE, VALUE -> throw notApplicable(aggregation, type());
    };
  }

  private MetricValues.Trend values(Histogram histogram) {
    return new MetricValues.Trend(
        Histograms.stats(histogram, divisor()),
        Histograms.encode(histogram, time ? Histograms.MICROSECONDS : Histograms.UNITLESS));
  }

  private double divisor() {
    return time ? Histograms.MICROS_PER_MILLI : 1;
  }
}
