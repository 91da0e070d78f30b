package org.perfgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NanoHistogramTest {
  @Test
  void keepsValuesBelow128NanosExact() {
    for (long value = 0; value < 128; value++) {
      assertThat(NanoHistogram.midpoint(NanoHistogram.index(value))).isEqualTo(value);
    }
  }

  @Test
  void bucketsLargerValuesWithinOneSixtyFourthOfTheirValue() {
    for (long value = 128; value < 10_000_000_000L; value = value * 3 / 2 + 7) {
      long midpoint = NanoHistogram.midpoint(NanoHistogram.index(value));
      assertThat((double) midpoint).as("value %d", value).isCloseTo(value, within(value / 64.0));
    }
    assertThat(NanoHistogram.index(Long.MAX_VALUE)).isLessThan(64 * 59);
  }

  @Test
  void reportsCountPercentilesAndExactMaximum() {
    NanoHistogram histogram = new NanoHistogram();
    for (long micros = 1; micros <= 1000; micros++) {
      histogram.record(micros * 1000);
    }
    DelayServer.Percentiles percentiles = histogram.snapshot();
    assertThat(percentiles.count()).isEqualTo(1000);
    assertThat((double) percentiles.p50Nanos()).isCloseTo(500_000, within(500_000 / 64.0));
    assertThat((double) percentiles.p90Nanos()).isCloseTo(900_000, within(900_000 / 64.0));
    assertThat((double) percentiles.p99Nanos()).isCloseTo(990_000, within(990_000 / 64.0));
    assertThat(percentiles.maxNanos()).isEqualTo(1_000_000);
  }

  @Test
  void countsANegativeValueAsZero() {
    NanoHistogram histogram = new NanoHistogram();
    histogram.record(-5);
    assertThat(histogram.snapshot()).isEqualTo(new DelayServer.Percentiles(1, 0, 0, 0, 0));
  }

  @Test
  void forgetsEverythingOnReset() {
    NanoHistogram histogram = new NanoHistogram();
    histogram.record(42_000);
    histogram.reset();
    assertThat(histogram.snapshot()).isEqualTo(new DelayServer.Percentiles(0, 0, 0, 0, 0));
  }
}
