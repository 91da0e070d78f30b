package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
      "0, 0s",
      "0.0005, 500ns",
      "0.523, 523µs",
      "0.0021, 2.1µs",
      "0.999999, 999.99µs",
      "1, 1ms",
      "12.3, 12.3ms",
      "12.349, 12.34ms",
      "999.999, 999.99ms",
      "1000, 1s",
      "1203.25, 1.2s",
      "59999, 59.99s",
      "60000, 1m0s",
      "65432.1, 1m5s",
      "3723000, 1h2m3s",
      "-12.3, -12.3ms",
  })
  void picksTheReadableTimeUnitAndTruncatesLikeK6(double millis, String expected) {
    assertThat(Units.duration(millis)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
      "0, 0s",
      "0.0005, 500ns",
      "0.0009996, 1µs",
      "0.0021, 2.1µs",
      "0.999999, 1ms",
      "275.53, 275.53ms",
      "12.345, 12.35ms",
      "999.996, 1s",
      "1203.25, 1.2s",
      "59999, 1m0s",
      "65432.1, 1m5s",
      "3723000, 1h2m3s",
      "-275.53, -275.53ms",
  })
  void roundsDurationsForComparisonsWithoutBinaryArtefacts(double millis, String expected) {
    assertThat(Units.roundedDuration(millis)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} B -> {1}")
  @CsvSource({
      "0, 0 B",
      "5, 5 B",
      "9.5, 9.5 B",
      "10, 10 B",
      "999, 999 B",
      "1234, 1.2 kB",
      "4115.2, 4.1 kB",
      "411522.6, 412 kB",
      "1000000, 1.0 MB",
      "12345678, 12 MB",
      "1200000000, 1.2 GB",
  })
  void formatsBytesInDecimalUnits(double bytes, String expected) {
    assertThat(Units.bytes(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0.00%", "1, 100.00%", "0.97236, 97.23%", "0.080761654629, 8.07%", "0.99999, 99.99%"})
  void truncatesPercentagesToTwoDecimals(double fraction, String expected) {
    assertThat(Units.percent(fraction)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"10, 10", "3.5, 3.5", "50.766666666666666, 50.766667", "0.0000001, 0", "-2.25, -2.25"})
  void roundsPlainNumbersToSixDecimalsWithoutTrailingZeros(double value, String expected) {
    assertThat(Units.plain(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1523, 1523", "0.1, 0.1", "0.00001, 0.00001", "1.0E20, 100000000000000000000", "12.0625, 12.0625"})
  void writesShortestExactPlainDecimals(double value, String expected) {
    assertThat(Units.plainShortest(value)).isEqualTo(expected);
  }
}
