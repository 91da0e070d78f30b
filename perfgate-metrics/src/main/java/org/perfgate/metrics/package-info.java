/**
 * Recording of samples and everything computed from them: {@link
 * org.perfgate.metrics.MetricRegistry} hands the engine lock-free recorders (HdrHistogram {@code
 * Recorder}s for trends, {@code LongAdder}s for counters and rates, atomics for gauges), closes
 * per-second intervals into {@link org.perfgate.model.SeriesPoint}s, merges them into exact
 * cumulative totals, evaluates thresholds and builds {@link org.perfgate.model.MetricResult}s;
 * {@link org.perfgate.metrics.Histograms} encodes and decodes {@link
 * org.perfgate.model.HistogramSnapshot}s. Public: the registry, the four recorder interfaces and
 * {@code Histograms}; the series implementations are package-private.
 *
 * <p>May use: perfgate-model, HdrHistogram.
 */
package org.perfgate.metrics;
