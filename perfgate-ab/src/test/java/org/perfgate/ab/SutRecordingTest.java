package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;

class SutRecordingTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 50 * S; // an arbitrary nanoTime origin
  private static final long MIB = 1 << 20;
  private static final RunResult EMPTY = new RunResult("p", "p.yaml", Instant.EPOCH, Duration.ofSeconds(2), List.of(),
      List.of(), List.of(), List.of(), Map.of(), Optional.empty());
  private static final SutMetrics TRIAL = new SutMetrics(Duration.ofMillis(850), Optional.of(Duration.ofMillis(42)),
      OptionalLong.of(80 * MIB), OptionalLong.of(120 * MIB), Optional.of(Duration.ofSeconds(3)));

  @Test
  void addsStartUpFiguresAndTheWindowsCpuAndMemory() {
    // cumulative CPU: 1.0 s before the window, 1.5 s after its first second, 2.5 s at its end (2 s)
    List<SutSample> samples = List.of(new SutSample(T0 - S / 10, 90 * MIB, S), new SutSample(T0 + S / 2, 100 * MIB, S + S / 4),
        new SutSample(T0 + 9 * S / 10, 110 * MIB, S + S / 2), new SutSample(T0 + 3 * S / 2, 95 * MIB, 2 * S),
        new SutSample(T0 + 2 * S, 96 * MIB, 2 * S + S / 2), new SutSample(T0 + 3 * S, 300 * MIB, 9 * S));

    RunResult result = SutRecording.attach(EMPTY, TRIAL, samples, T0, T0 + 2 * S);

    assertThat(trend(result, "sut_time_to_ready").stats().med()).isEqualTo(850, org.assertj.core.api.Assertions.within(1.0));
    assertThat(trend(result, "sut_first_request_duration").stats().med()).isEqualTo(42, org.assertj.core.api.Assertions.within(0.1));
    assertThat(value(result, "sut_rss_at_ready")).isEqualTo(new MetricValues.Gauge(80 * MIB, 80 * MIB, 80 * MIB));
    MetricValues.Counter cpu = (MetricValues.Counter) value(result, "sut_cpu");
    assertThat(cpu.count()).isEqualTo(1.5); // 2.5 s - 1.0 s; the reading after the window is not counted
    assertThat(cpu.ratePerSecond()).isEqualTo(0.75);
    assertThat(value(result, "sut_rss")).isEqualTo(new MetricValues.Gauge(96 * MIB, 95 * MIB, 110 * MIB));
    assertThat(value(result, "sut_rss_peak")).isEqualTo(new MetricValues.Gauge(110 * MIB, 110 * MIB, 110 * MIB));
    assertThat(result.metrics()).extracting(metric -> metric.key().name()).isSorted();

    assertThat(result.series()).containsExactly(
        new SeriesPoint(0, MetricKey.of("sut_cpu"), new MetricValues.Counter(0.5, 0.5)),
        new SeriesPoint(0, MetricKey.of("sut_rss"), new MetricValues.Gauge(110 * MIB, 100 * MIB, 110 * MIB)),
        new SeriesPoint(1, MetricKey.of("sut_cpu"), new MetricValues.Counter(1.0, 1.0)),
        new SeriesPoint(1, MetricKey.of("sut_rss"), new MetricValues.Gauge(96 * MIB, 95 * MIB, 96 * MIB)));
  }

  @Test
  void keepsTheRunsOwnMetricsAndAddsOnlyStartUpFiguresWithoutReadings() {
    SutMetrics noProc = new SutMetrics(Duration.ofMillis(10), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
        Optional.empty());

    RunResult result = SutRecording.attach(EMPTY, noProc, List.of(), T0, T0 + 2 * S);

    assertThat(result.metrics()).extracting(metric -> metric.key().name()).containsExactly("sut_time_to_ready");
    assertThat(result.series()).isEmpty();
    assertThat(result.elapsed()).isEqualTo(EMPTY.elapsed());
  }

  private static MetricValues.Trend trend(RunResult result, String name) {
    return (MetricValues.Trend) value(result, name);
  }

  private static MetricValues value(RunResult result, String name) {
    return result.metric(MetricKey.of(name)).map(MetricResult::values).orElseThrow(() -> new AssertionError(name));
  }
}
