package org.perfgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.SeriesPoint;

class MetricRegistryTest {
  private static final MetricKey DURATION = MetricKey.of("http_req_duration");
  private static final MetricKey REQS = MetricKey.of("http_reqs");
  private static final MetricKey FAILED = MetricKey.of("http_req_failed");
  private static final MetricKey VUS = MetricKey.of("vus");

  @Test
  void mergesIntervalsIntoExactTotals() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    TrendRecorder trend = registry.trend(DURATION, true);
    Histogram allAtOnce = new Histogram(3);
    SplittableRandom random = new SplittableRandom(7);
    for (int second = 0; second < 60; second++) {
      for (int i = 0; i < 1_000; i++) {
        long micros = random.nextLong(100, 5_000_000);
        trend.record(micros);
        allAtOnce.recordValue(micros);
      }
      registry.closeInterval(second);
    }

    MetricValues.Trend total = (MetricValues.Trend) registry.total(DURATION, Duration.ofSeconds(60))
        .orElseThrow();

    assertThat(total.stats()).isEqualTo(Histograms.stats(allAtOnce, 1000));
    Histogram merged = Histograms.decode(total.histogram());
    assertThat(merged.getTotalCount()).isEqualTo(60_000);
    for (double percentile : new double[] {50, 90, 95, 99, 99.9, 99.99, 100}) {
      assertThat(merged.getValueAtPercentile(percentile))
          .isEqualTo(allAtOnce.getValueAtPercentile(percentile));
    }
    assertThat(total.histogram().unit()).isEqualTo("us");
  }

  @Test
  void sumsPerSecondHistogramsIntoTheTotal() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    TrendRecorder trend = registry.trend(DURATION, true);
    for (int second = 0; second < 5; second++) {
      for (int i = 0; i <= second * 10; i++) {
        trend.record(1_000L * (i + 1));
      }
      registry.closeInterval(second);
    }

    Histogram sum = new Histogram(3);
    for (SeriesPoint point : registry.series()) {
      sum.add(Histograms.decode(((MetricValues.Trend) point.values()).histogram()));
    }
    MetricValues.Trend total = (MetricValues.Trend) registry.total(DURATION, Duration.ZERO)
        .orElseThrow();
    assertThat(sum).isEqualTo(Histograms.decode(total.histogram()));
  }

  @Test
  void losesNoCountsUnderConcurrentRecording() throws Exception {
    MetricRegistry registry = MetricRegistry.create(List.of());
    int threads = 8;
    int samplesPerThread = 200_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        writers.add(pool.submit(() -> {
          // Each writer resolves its own handles, as racing VUs would: same key, same instance.
          TrendRecorder trend = registry.trend(DURATION, true);
          CounterRecorder counter = registry.counter(REQS);
          RateRecorder rate = registry.rate(FAILED);
          GaugeRecorder gauge = registry.gauge(VUS);
          start.await();
          for (int i = 0; i < samplesPerThread; i++) {
            trend.record(i);
            counter.add(1);
            rate.add(i % 4 == 0);
            gauge.set(thread);
          }
          return null;
        }));
      }
      start.countDown();
      // The ticker closes intervals while the writers run.
      long second = 0;
      while (!allDone(writers)) {
        registry.closeInterval(second++);
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      registry.closeInterval(second);
    }

    long expected = (long) threads * samplesPerThread;
    Duration elapsed = Duration.ofSeconds(1);
    MetricValues.Trend trend = (MetricValues.Trend) registry.total(DURATION, elapsed).orElseThrow();
    assertThat(trend.stats().count()).isEqualTo(expected);
    assertThat(registry.total(REQS, elapsed)).contains(new MetricValues.Counter(expected, expected));
    assertThat(registry.total(FAILED, elapsed))
        .contains(new MetricValues.Rate(expected / 4, expected - expected / 4));
    MetricValues.Gauge gauge = (MetricValues.Gauge) registry.total(VUS, elapsed).orElseThrow();
    assertThat(gauge.min()).isZero();
    assertThat(gauge.max()).isEqualTo(threads - 1);
    assertThat(perSecondCountSum(registry.series(), REQS)).isEqualTo(expected);
  }

  @Test
  void mergesTheOwnRecordersOfRecordingThreadsWithTheSharedOneWithoutLosingSamples() throws Exception {
    MetricRegistry registry = MetricRegistry.create(List.of());
    TrendRecorder trend = registry.trend(DURATION, true);
    int samples = 300_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int slot = 0; slot < 2; slot++) {
      writers.add(new RecordingThread(slot, "loop-" + slot, () -> recordAfter(start, trend, samples, 1_000)));
    }
    writers.add(Thread.ofVirtual().unstarted(() -> recordAfter(start, trend, samples, 2_000))); // shared recorder
    writers.add(new RecordingThread(RecordingThread.SLOTS, "beyond-the-slots",
        () -> recordAfter(start, trend, samples, 3_000)));
    writers.forEach(Thread::start);
    start.countDown();
    long second = 0;
    while (writers.stream().anyMatch(Thread::isAlive)) {
      registry.closeInterval(second++); // swaps every recorder while the writers run
    }
    for (Thread writer : writers) {
      writer.join();
    }
    registry.closeInterval(second);

    MetricValues.Trend total = (MetricValues.Trend) registry.total(DURATION, Duration.ofSeconds(1)).orElseThrow();
    assertThat(total.stats().count()).isEqualTo(4L * samples);
    Histogram histogram = org.perfgate.metrics.Histograms.decode(total.histogram());
    assertThat(histogram.getCountAtValue(1_000)).isEqualTo(2L * samples);
    assertThat(histogram.getCountAtValue(2_000)).isEqualTo(samples);
    assertThat(histogram.getCountAtValue(3_000)).isEqualTo(samples);
  }

  private static void recordAfter(CountDownLatch start, TrendRecorder trend, int samples, long value) {
    try {
      start.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < samples; i++) {
      trend.record(value);
    }
  }

  @Test
  void zeroFillsSecondsWithoutSamples() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    CounterRecorder requests = registry.counter(REQS);
    requests.add(3);
    registry.closeInterval(0);
    registry.closeInterval(1);
    RateRecorder failed = registry.rate(FAILED); // appears from second 2 on
    registry.trend(DURATION, true);
    requests.add(2);
    failed.add(true);
    registry.closeInterval(2);
    registry.closeInterval(3);

    assertThat(registry.series()).extracting(SeriesPoint::second, point -> point.key().name())
        .containsExactly(
            tuple(0L, "http_reqs"),
            tuple(1L, "http_reqs"),
            tuple(2L, "http_req_duration"),
            tuple(2L, "http_req_failed"),
            tuple(2L, "http_reqs"),
            tuple(3L, "http_req_duration"),
            tuple(3L, "http_req_failed"),
            tuple(3L, "http_reqs"));
    List<SeriesPoint> points = registry.series();
    assertThat(points.get(0).values()).isEqualTo(new MetricValues.Counter(3, 3));
    assertThat(points.get(1).values()).isEqualTo(new MetricValues.Counter(0, 0));
    assertThat(points.get(3).values()).isEqualTo(new MetricValues.Rate(1, 0));
    assertThat(points.get(4).values()).isEqualTo(new MetricValues.Counter(2, 2));
    assertThat(((MetricValues.Trend) points.get(5).values()).stats().count()).isZero();
    assertThat(points.get(6).values()).isEqualTo(new MetricValues.Rate(0, 0));
  }

  @Test
  void countsOnlyClosedIntervals() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    CounterRecorder requests = registry.counter(REQS);
    requests.add(5);

    assertThat(registry.total(REQS, Duration.ofSeconds(1)))
        .contains(new MetricValues.Counter(0, 0));
    assertThat(registry.lastInterval(REQS)).isEmpty();

    registry.closeInterval(0);
    requests.add(7);

    assertThat(registry.lastInterval(REQS)).contains(new MetricValues.Counter(5, 5));
    assertThat(registry.total(REQS, Duration.ofSeconds(1)))
        .contains(new MetricValues.Counter(5, 5));
    registry.closeInterval(1);
    assertThat(registry.total(REQS, Duration.ofSeconds(2)))
        .contains(new MetricValues.Counter(12, 6));
  }

  @Test
  void tracksGaugeValueAndRange() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    GaugeRecorder vus = registry.gauge(VUS);
    registry.closeInterval(0); // never set yet: reads 0, not part of the range
    vus.set(10);
    vus.set(40);
    vus.set(20);
    registry.closeInterval(1);
    vus.set(5);
    vus.set(7);
    registry.closeInterval(2);
    registry.closeInterval(3);

    List<MetricValues> perSecond = registry.series().stream().map(SeriesPoint::values).toList();
    assertThat(perSecond).containsExactly(
        new MetricValues.Gauge(0, 0, 0),
        new MetricValues.Gauge(20, 10, 40),
        new MetricValues.Gauge(7, 5, 7),
        new MetricValues.Gauge(7, 7, 7));
    assertThat(registry.total(VUS, Duration.ZERO)).contains(new MetricValues.Gauge(7, 5, 40));
  }

  @Test
  void keepsNonTimeTrendsInTheirOwnUnit() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    MetricKey size = MetricKey.of("body_size");
    TrendRecorder trend = registry.trend(size, false);
    trend.record(100);
    trend.record(-5); // clamped to 0
    registry.closeInterval(0);

    MetricValues.Trend total = (MetricValues.Trend) registry.total(size, Duration.ZERO)
        .orElseThrow();
    assertThat(total.stats().count()).isEqualTo(2);
    assertThat(total.stats().min()).isZero();
    assertThat(total.stats().max()).isEqualTo(100);
    assertThat(total.histogram().unit()).isEmpty();
  }

  @Test
  void returnsTheSameRecorderForTheSameKey() {
    MetricRegistry registry = MetricRegistry.create(List.of());

    assertThat(registry.trend(DURATION, true))
        .isSameAs(registry.trend(MetricKey.of("http_req_duration", Map.of()), true));
    assertThat(registry.counter(REQS)).isSameAs(registry.counter(REQS));
  }

  @Test
  void rejectsAKeyRegisteredWithAnotherType() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    registry.counter(REQS);
    registry.trend(DURATION, true);

    assertThatThrownBy(() -> registry.rate(REQS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric http_reqs is a COUNTER metric, not a RATE metric");
    assertThatThrownBy(() -> registry.trend(DURATION, false))
        .hasMessage("metric http_req_duration is a time TREND metric, not a non-time TREND metric");
  }

  @Test
  void rejectsSecondsThatDoNotIncrease() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    registry.closeInterval(0);
    registry.closeInterval(2);

    assertThatThrownBy(() -> registry.closeInterval(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricRegistry.create(List.of()).closeInterval(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsEverySeriesSortedByKey() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    registry.gauge(VUS).set(3);
    registry.counter(REQS).add(4);
    MetricKey login = MetricKey.of("http_reqs", Map.of("name", "login"));
    registry.counter(login).add(1);
    registry.trend(DURATION, true).record(1_500); // below 2048 µs HdrHistogram is exact
    registry.closeInterval(0);

    List<MetricResult> results = registry.results(Duration.ofSeconds(2));

    assertThat(results).extracting(MetricResult::key)
        .containsExactly(DURATION, REQS, login, VUS);
    assertThat(results).extracting(MetricResult::type)
        .containsExactly(MetricType.TREND, MetricType.COUNTER, MetricType.COUNTER, MetricType.GAUGE);
    assertThat(results.get(1).values()).isEqualTo(new MetricValues.Counter(4, 2));
    assertThat(((MetricValues.Trend) results.get(0).values()).stats().avg()).isEqualTo(1.5);
    assertThat(registry.subMetrics("http_reqs")).containsExactly(login);
  }

  private static boolean allDone(List<Future<?>> futures) {
    for (Future<?> future : futures) {
      if (!future.isDone()) {
        return false;
      }
    }
    return true;
  }

  private static long perSecondCountSum(List<SeriesPoint> points, MetricKey key) {
    long sum = 0;
    for (SeriesPoint point : points) {
      if (point.key().equals(key)) {
        sum += (long) ((MetricValues.Counter) point.values()).count();
      }
    }
    return sum;
  }
}
