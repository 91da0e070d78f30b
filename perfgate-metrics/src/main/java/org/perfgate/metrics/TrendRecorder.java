package org.perfgate.metrics;

/**
 * Records samples of one trend series (a metric or sub-metric) into an HdrHistogram.
 *
 * <p>Thread-safe and wait-free for any number of concurrent writers; never allocates on the
 * recording path (except when the histogram first grows to a new range).
 */
public interface TrendRecorder {
  /**
   * Records one sample; negative values are clamped to 0.
   *
   * @param value the sample, in microseconds for time trends ({@code http_req_duration}), else in the
   *     metric's own unit
   */
  void record(long value);
}
