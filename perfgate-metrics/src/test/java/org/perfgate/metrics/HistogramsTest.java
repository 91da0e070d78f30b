package org.perfgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.TrendStats;

class HistogramsTest {

  @Test
  void roundTripsEncodedHistogramsExactly() {
    Histogram original = new Histogram(3);
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 50_000; i++) {
      original.recordValue(random.nextLong(1, 60_000_000));
    }

    HistogramSnapshot snapshot = Histograms.encode(original, "us");
    Histogram decoded = Histograms.decode(snapshot);

    assertThat(snapshot.unit()).isEqualTo("us");
    assertThat(decoded).isEqualTo(original);
    assertThat(decoded.getTotalCount()).isEqualTo(original.getTotalCount());
    for (double percentile : new double[] {0.1, 50, 90, 95, 99, 99.9, 100}) {
      assertThat(decoded.getValueAtPercentile(percentile))
          .isEqualTo(original.getValueAtPercentile(percentile));
    }
  }

  @Test
  void decodesIntoAnAutoResizingHistogram() {
    Histogram small = new Histogram(3);
    small.recordValue(10);
    Histogram decoded = Histograms.decode(Histograms.encode(small, ""));

    decoded.recordValue(Long.MAX_VALUE / 4);

    assertThat(decoded.getTotalCount()).isEqualTo(2);
  }

  @Test
  void roundTripsEmptyHistograms() {
    Histogram decoded = Histograms.decode(Histograms.encode(new Histogram(3), "us"));

    assertThat(decoded.getTotalCount()).isZero();
    assertThat(Histograms.stats(decoded, 1000)).isEqualTo(TrendStats.EMPTY);
  }

  @Test
  void rejectsSnapshotsThatAreNotHistograms() {
    assertThatThrownBy(() -> Histograms.decode(new HistogramSnapshot("us", "not base64!")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("HdrHistogram");
    assertThatThrownBy(() -> Histograms.decode(new HistogramSnapshot("us", "AAAAAAAA")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void dividesStatsIntoTheDisplayUnit() {
    Histogram micros = new Histogram(3);
    for (long value = 1; value <= 1000; value++) {
      micros.recordValue(value * 1000);
    }

    TrendStats stats = Histograms.stats(micros, 1000);

    assertThat(stats.count()).isEqualTo(1000);
    assertThat(stats.min()).isEqualTo(1.0);
    assertThat(stats.max()).isCloseTo(1000, within(1.0));
    assertThat(stats.avg()).isCloseTo(500.5, within(0.5));
    assertThat(stats.med()).isCloseTo(500, within(0.5));
    assertThat(stats.p90()).isCloseTo(900, within(1.0));
    assertThat(stats.p95()).isCloseTo(950, within(1.0));
    assertThat(stats.p99()).isCloseTo(990, within(1.0));
    assertThat(stats.p999()).isCloseTo(999, within(1.0));
  }
}
