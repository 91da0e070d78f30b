package org.perfgate.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;

/**
 * A trend: single-writer HdrHistogram recorders for {@link RecordingThread}s (created by each such
 * thread at its first sample) plus one multi-writer wait-free {@link Recorder} for every other
 * thread; all swapped and merged once per interval.
 */
final class TrendSeries extends Series implements TrendRecorder {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final boolean time;
  // Recorder(int) auto-resizes: no highest trackable value to guess, no lost outliers.
  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final AtomicReferenceArray<SingleWriterRecorder> own = new AtomicReferenceArray<>(RecordingThread.SLOTS);
  private final Histogram[] ownIntervals = new Histogram[RecordingThread.SLOTS]; // recycled by the swap
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
    long sample = value < 0 ? 0 : value;
    if (Thread.currentThread() instanceof RecordingThread writer && writer.slot < RecordingThread.SLOTS) {
      SingleWriterRecorder mine = own.getPlain(writer.slot); // only this thread ever sets its slot
      if (mine == null) {
        mine = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
        own.set(writer.slot, mine);
      }
      mine.recordValue(sample);
    } else {
      recorder.recordValue(sample);
    }
  }

  @Override
  MetricValues closeInterval() {
    // Recycling the previous interval histograms keeps the per-second swap allocation-free.
    interval = recorder.getIntervalHistogram(interval);
    for (int slot = 0; slot < RecordingThread.SLOTS; slot++) {
      SingleWriterRecorder writer = own.get(slot);
      if (writer != null) {
        ownIntervals[slot] = writer.getIntervalHistogram(ownIntervals[slot]);
        interval.add(ownIntervals[slot]);
      }
    }
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
