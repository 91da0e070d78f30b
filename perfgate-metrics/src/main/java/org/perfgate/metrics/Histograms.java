package org.perfgate.metrics;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricValues;
import org.perfgate.model.TrendStats;

/**
 * Converts between HdrHistograms and the model's {@link HistogramSnapshot} (compressed HdrHistogram
 * encoding, Base64), and summarises histograms as {@link TrendStats}.
 *
 * <p>Round trips are exact: {@code decode(encode(h, unit))} has the same counts in the same buckets
 * as {@code h}, so decoded histograms from several runs or workers can be merged with {@link
 * Histogram#add} into exact percentiles.
 */
public final class Histograms {
  /** The unit of time trends' recorded values: microseconds. */
  static final String MICROSECONDS = "us";

  /** The unit of trends that are not durations: none. */
  static final String UNITLESS = "";

  /** Divides microseconds into milliseconds, the display and threshold unit of time trends. */
  static final double MICROS_PER_MILLI = 1000;

  private Histograms() {}

  /**
   * Encodes a whole histogram, compressed and Base64-encoded.
   *
   * @param unit the unit of the recorded values, {@code us} for time trends
   */
  public static HistogramSnapshot encode(Histogram histogram, String unit) {
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(unit, "unit");
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    String base64 = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    return new HistogramSnapshot(unit, base64);
  }

  /**
   * Decodes a snapshot made by {@link #encode}; the result auto-resizes, so other histograms of any
   * range can be added to it.
   *
   * @throws InvalidInputException if the snapshot is not a Base64 compressed HdrHistogram
   */
  public static Histogram decode(HistogramSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    try {
      byte[] bytes = Base64.getDecoder().decode(snapshot.compressedBase64());
      Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
      histogram.setAutoResize(true);
      return histogram;
    } catch (DataFormatException | IllegalArgumentException | BufferUnderflowException e) {
      throw new InvalidInputException(
          "histogram snapshot is not a Base64-encoded compressed HdrHistogram: " + e.getMessage());
    }
  }

  /**
   * A time trend of a few durations measured outside a run's recorders (a system's start-up): the
   * same values a registry's time trend would total for them.
   *
   * @param micros the durations in microseconds, each {@code >= 0}
   */
  public static MetricValues.Trend timeTrend(long... micros) {
    Histogram histogram = new Histogram(3);
    histogram.setAutoResize(true);
    for (long value : micros) {
      histogram.recordValue(Math.max(0, value));
    }
    return new MetricValues.Trend(stats(histogram, MICROS_PER_MILLI), encode(histogram, MICROSECONDS));
  }

  /**
   * Summarises a histogram; every value is divided by {@code divisor} (1000 turns microseconds into
   * milliseconds, 1 keeps the recorded unit). An empty histogram gives {@link TrendStats#EMPTY}.
   */
  public static TrendStats stats(Histogram histogram, double divisor) {
    Objects.requireNonNull(histogram, "histogram");
    if (!(divisor > 0)) {
      throw new IllegalArgumentException("divisor must be > 0, was " + divisor);
    }
    long count = histogram.getTotalCount();
    if (count == 0) {
      return TrendStats.EMPTY;
    }
    return new TrendStats(
        count,
        histogram.getMinValue() / divisor,
        histogram.getMaxValue() / divisor,
        histogram.getMean() / divisor,
        histogram.getValueAtPercentile(50) / divisor,
        histogram.getValueAtPercentile(90) / divisor,
        histogram.getValueAtPercentile(95) / divisor,
        histogram.getValueAtPercentile(99) / divisor,
        histogram.getValueAtPercentile(99.9) / divisor);
  }
}
