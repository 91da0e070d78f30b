package org.perfgate.ab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.perfgate.metrics.Histograms;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;

/**
 * Adds what the system under test did during one plan's run to that run's result, as {@code sut_*}
 * metrics, so it is stored, shown, compared and budgeted like every other metric: the trial's time
 * to ready, first request and memory at ready, and over the plan's window its CPU seconds, memory
 * and peak memory, whole-run and per second. Pure: a function of the readings.
 */
final class SutRecording {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final MetricKey CPU = MetricKey.of(BuiltinMetric.SUT_CPU.metricName());
  private static final MetricKey RSS = MetricKey.of(BuiltinMetric.SUT_RSS.metricName());
  private static final MetricKey RSS_PEAK = MetricKey.of(BuiltinMetric.SUT_RSS_PEAK.metricName());
  private static final MetricKey RSS_AT_READY = MetricKey.of(BuiltinMetric.SUT_RSS_AT_READY.metricName());
  private static final MetricKey TIME_TO_READY = MetricKey.of(BuiltinMetric.SUT_TIME_TO_READY.metricName());
  private static final MetricKey FIRST_REQUEST = MetricKey.of(BuiltinMetric.SUT_FIRST_REQUEST_DURATION.metricName());

  private SutRecording() {}

  /**
   * {@code result} with the system's metrics added.
   *
   * @param trial the trial's start-up figures
   * @param samples readings of the tree, oldest first; those in {@code [startNanos, endNanos]} make
   *     the window's figures, CPU counted from the last reading before it (or the first in it)
   * @param startNanos when the plan's run started ({@link System#nanoTime()})
   * @param endNanos when it ended
   */
  static RunResult attach(RunResult result, SutMetrics trial, List<SutSample> samples, long startNanos, long endNanos) {
    List<MetricResult> metrics = new ArrayList<>(result.metrics());
    List<SeriesPoint> series = new ArrayList<>(result.series());
    metrics.add(new MetricResult(TIME_TO_READY, BuiltinMetric.SUT_TIME_TO_READY.type(),
        Histograms.timeTrend(micros(trial.timeToReady()))));
    trial.firstRequest().ifPresent(first -> metrics.add(new MetricResult(FIRST_REQUEST,
        BuiltinMetric.SUT_FIRST_REQUEST_DURATION.type(), Histograms.timeTrend(micros(first)))));
    trial.rssAtReadyBytes().ifPresent(rss -> metrics.add(new MetricResult(RSS_AT_READY,
        BuiltinMetric.SUT_RSS_AT_READY.type(), new MetricValues.Gauge(rss, rss, rss))));
    List<SutSample> window = new ArrayList<>();
    SutSample baseline = null; // the last reading before the window: CPU is counted from it
    for (SutSample sample : samples) {
      if (sample.nanoTime() - startNanos < 0) {
        baseline = sample;
      } else if (sample.nanoTime() - endNanos <= 0) {
        window.add(sample);
      }
    }
    if (!window.isEmpty()) {
      SutSample from = baseline != null ? baseline : window.getFirst();
      double cpuSeconds = seconds(window.getLast().cpuNanos() - from.cpuNanos());
      metrics.add(new MetricResult(CPU, BuiltinMetric.SUT_CPU.type(),
          new MetricValues.Counter(cpuSeconds, cpuSeconds / seconds(Math.max(1, endNanos - startNanos)))));
      MetricValues.Gauge rss = gauge(window, 0, window.size());
      metrics.add(new MetricResult(RSS, BuiltinMetric.SUT_RSS.type(), rss));
      metrics.add(new MetricResult(RSS_PEAK, BuiltinMetric.SUT_RSS_PEAK.type(),
          new MetricValues.Gauge(rss.max(), rss.max(), rss.max())));
      series.addAll(perSecond(window, from, startNanos, endNanos));
    }
    metrics.sort(Comparator.comparing(MetricResult::key));
    series.sort(Comparator.comparingLong(SeriesPoint::second).thenComparing(SeriesPoint::key));
    return new RunResult(result.planName(), result.planSource(), result.started(), result.elapsed(), metrics,
        series, result.thresholds(), result.checks(), result.failures(), result.abortReason());
  }

  /**
   * One point per second of the window: CPU seconds used in it (difference of the cumulative
   * readings at its ends) and memory (last reading in it, with min and max). A second without a
   * reading carries the last memory reading and no CPU.
   */
  private static List<SeriesPoint> perSecond(List<SutSample> window, SutSample baseline, long startNanos,
      long endNanos) {
    List<SeriesPoint> points = new ArrayList<>();
    long seconds = (endNanos - startNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    int next = 0;
    SutSample previous = baseline;
    for (long second = 0; second < seconds; second++) {
      long secondEnd = startNanos + (second + 1) * NANOS_PER_SECOND;
      boolean last = second == seconds - 1; // the last (partial) second ends with the window, reading included
      int from = next;
      while (next < window.size() && (last || window.get(next).nanoTime() - secondEnd < 0)) {
        next++;
      }
      SutSample latest = next > 0 ? window.get(next - 1) : previous;
      double cpu = seconds(latest.cpuNanos() - previous.cpuNanos());
      points.add(new SeriesPoint(second, CPU, new MetricValues.Counter(cpu, cpu)));
      points.add(new SeriesPoint(second, RSS, from < next ? gauge(window, from, next)
          : new MetricValues.Gauge(latest.rssBytes(), latest.rssBytes(), latest.rssBytes())));
      previous = latest;
    }
    return points;
  }

  private static MetricValues.Gauge gauge(List<SutSample> samples, int from, int to) {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = from; i < to; i++) {
      min = Math.min(min, samples.get(i).rssBytes());
      max = Math.max(max, samples.get(i).rssBytes());
    }
    return new MetricValues.Gauge(samples.get(to - 1).rssBytes(), min, max);
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  private static double seconds(long nanos) {
    return nanos / (double) NANOS_PER_SECOND;
  }
}
