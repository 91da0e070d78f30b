package org.perfgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jol.info.GraphLayout;
import org.perfgate.model.MetricKey;
import org.perfgate.model.SeriesPoint;

/** Per-second points live in a spool file, not on the heap, and come back exactly. */
class SeriesSpoolingTest {
  private static final int NAMES = 20;

  static {
    // JDK 25 refuses Unsafe field offsets of records: JOL's fallback finds them by probing instead
    System.setProperty("jol.magicFieldOffset", "true");
  }

  @TempDir
  Path spoolDirectory;

  /** Series of every type for 20 request names, as the engine creates them. */
  private static final class Load {
    final List<TrendRecorder> durations = new ArrayList<>();
    final List<CounterRecorder> requests = new ArrayList<>();
    final List<RateRecorder> failed = new ArrayList<>();
    final GaugeRecorder vus;
    final SplittableRandom random = new SplittableRandom(11);

    Load(MetricRegistry registry) {
      for (int i = 0; i < NAMES; i++) {
        Map<String, String> tags = Map.of("name", "req" + i);
        durations.add(registry.trend(MetricKey.of("http_req_duration", tags), true));
        requests.add(registry.counter(MetricKey.of("http_reqs", tags)));
        failed.add(registry.rate(MetricKey.of("http_req_failed", tags)));
      }
      vus = registry.gauge(MetricKey.of("vus"));
    }

    void oneSecond() {
      for (int i = 0; i < NAMES; i++) {
        for (int sample = 0; sample < 50; sample++) {
          durations.get(i).record(random.nextLong(200, 2_000));
          requests.get(i).add(1);
          failed.get(i).add(random.nextInt(100) == 0);
        }
      }
      vus.set(random.nextInt(10, 20));
    }
  }

  private List<SeriesPoint> closeAndRemember(MetricRegistry registry, long second) {
    registry.closeInterval(second);
    List<SeriesPoint> closed = new ArrayList<>();
    for (MetricKey key : keys(registry)) {
      closed.add(new SeriesPoint(second, key, registry.lastInterval(key).orElseThrow()));
    }
    return closed;
  }

  private static List<MetricKey> keys(MetricRegistry registry) {
    List<MetricKey> keys = new ArrayList<>();
    registry.results(java.time.Duration.ofSeconds(1)).forEach(result -> keys.add(result.key()));
    return keys;
  }

  @Test
  void readsBackEveryPointOfALongRunExactly() {
    try (MetricRegistry registry = MetricRegistry.create(List.of(), spoolDirectory)) {
      Load load = new Load(registry);
      List<SeriesPoint> expected = new ArrayList<>();
      for (int second = 0; second < 900; second++) {
        load.oneSecond();
        expected.addAll(closeAndRemember(registry, second));
      }

      List<SeriesPoint> series = registry.series();

      assertThat(series).hasSize(900 * (3 * NAMES + 1)).isEqualTo(expected);
      assertThat(registry.seriesPointCount()).isEqualTo(series.size());
      assertThat(registry.series()).isEqualTo(expected); // reading does not consume
    }
  }

  @Test
  void heapRetainedByTheRegistryDoesNotGrowWithClosedIntervals() {
    try (MetricRegistry registry = MetricRegistry.create(List.of(), spoolDirectory)) {
      Load load = new Load(registry);
      for (int second = 0; second < 60; second++) {
        load.oneSecond();
        registry.closeInterval(second);
      }
      long afterOneMinute = GraphLayout.parseInstance(registry).totalSize();
      for (int second = 60; second < 600; second++) {
        load.oneSecond();
        registry.closeInterval(second);
      }
      long afterTenMinutes = GraphLayout.parseInstance(registry).totalSize();

      assertThat(registry.seriesPointCount()).isEqualTo(600L * (3 * NAMES + 1));
      // 540 more seconds of 61 points would be several MB on the heap; what remains is each
      // series' recorder, totals and last interval, whose encoded histograms vary by a few bytes
      assertThat(afterTenMinutes).isLessThan(afterOneMinute + afterOneMinute / 100);
    }
  }

  @Test
  void closeDeletesTheSpoolFile() throws IOException {
    MetricRegistry registry = MetricRegistry.create(List.of(), spoolDirectory);
    Load load = new Load(registry);
    load.oneSecond();
    registry.closeInterval(0);
    assertThat(files()).hasSize(1);

    registry.close();

    assertThat(files()).isEmpty();
    assertThat(registry.series()).isEmpty();
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(spoolDirectory)) {
      return files.toList();
    }
  }
}
