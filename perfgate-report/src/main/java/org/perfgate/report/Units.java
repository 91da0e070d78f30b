package org.perfgate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting as k6's end-of-test summary does it ({@code humanizeValue} in k6's
 * {@code summary.js}): durations in the most readable unit, bytes in decimal units, rates as
 * truncated percentages, other values with at most six decimals and no trailing zeros.
 */
final class Units {
  private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private Units() {}

  /** What a metric's values are, k6's {@code contains}: it picks the formatting. */
  enum Contains {
    TIME("time"),
    DATA("data"),
    DEFAULT("default");

    private final String k6Name;

    Contains(String k6Name) {
      this.k6Name = k6Name;
    }

    /** {@code time}, {@code data} or {@code default}, as in k6's summary data. */
    String k6Name() {
      return k6Name;
    }
  }

  /** A value of a metric containing {@code contains}, e.g. {@code 12.3ms}, {@code 1.2 MB}, {@code 3.5}. */
  static String value(double value, Contains contains) {
    return switch (contains) {
      case TIME -> duration(value);
      case DATA -> bytes(value);
      case DEFAULT -> plain(value);
    };
  }

  /**
   * A duration given in milliseconds: {@code 0s}, {@code 850ns}, {@code 523µs}, {@code 12.3ms},
   * {@code 1.2s}, {@code 1m30s}, {@code 2h0m5s}; truncated (not rounded) to two decimals, as k6.
   */
  static String duration(double millis) {
    if (millis == 0 || Double.isNaN(millis)) {
      return "0s";
    }
    if (millis < 0) {
      return "-" + duration(-millis);
    }
    if (millis < 0.001) {
      return (long) (millis * 1_000_000) + "ns";
    }
    if (millis < 1) {
      return truncated(millis * 1000, 2) + "µs";
    }
    if (millis < 1000) {
      return truncated(millis, 2) + "ms";
    }
    String text = truncated((millis % 60_000) / 1000, millis > 60_000 ? 0 : 2) + "s";
    long minutes = (long) (millis / 60_000);
    if (minutes < 1) {
      return text;
    }
    text = (minutes % 60) + "m" + text;
    long hours = minutes / 60;
    return hours < 1 ? text : hours + "h" + text;
  }

  /**
   * A duration given in milliseconds in {@link #duration}'s style, but rounded half up to two
   * decimals rather than truncated: for comparisons, where a median of 275.53 must read 275.53ms,
   * not k6's 275.52ms (275.53 as a double, times 100, is 27552.99…). From a minute on, whole seconds.
   */
  static String roundedDuration(double millis) {
    if (millis == 0 || Double.isNaN(millis)) {
      return "0s";
    }
    if (millis < 0) {
      return "-" + roundedDuration(-millis);
    }
    if (Double.isInfinite(millis)) {
      return "∞";
    }
    // BigDecimal.valueOf goes through the shortest decimal of the double, so no binary artefacts.
    BigDecimal exact = BigDecimal.valueOf(millis);
    // Each unit is tried on the rounded value, so that 999.996ms becomes 1s, not 1000ms.
    BigDecimal nanos = exact.movePointRight(6).setScale(0, RoundingMode.HALF_UP);
    if (nanos.compareTo(BigDecimal.valueOf(1000)) < 0) {
      return nanos.toPlainString() + "ns";
    }
    String[] units = {"µs", "ms", "s"};
    for (int i = 0; i < units.length; i++) {
      BigDecimal scaled = exact.movePointRight(3 - 3 * i).setScale(2, RoundingMode.HALF_UP);
      if (scaled.compareTo(BigDecimal.valueOf(i == 2 ? 60 : 1000)) < 0) {
        return strip(scaled) + units[i];
      }
    }
    long seconds = Math.round(millis / 1000);
    long minutes = seconds / 60;
    String text = (minutes % 60) + "m" + (seconds % 60) + "s";
    return minutes < 60 ? text : minutes / 60 + "h" + text;
  }

  /**
   * A byte count in decimal units with one decimal below ten: {@code 5 B}, {@code 1.2 kB},
   * {@code 12 MB}. k6 picks the unit with {@code log(x)/log(1000)}, which prints exactly 1 MB as
   * {@code 1000 kB}; the unit is picked by division here so that it does not.
   */
  static String bytes(double bytes) {
    if (!(bytes >= 10)) {
      return plainShortest(bytes) + " B";
    }
    int exponent = 0;
    double scaled = bytes;
    while (scaled >= 1000 && exponent < BYTE_UNITS.length - 1) {
      scaled /= 1000;
      exponent++;
    }
    double rounded = Math.floor(scaled * 10 + 0.5) / 10;
    return BigDecimal.valueOf(rounded).setScale(rounded < 10 ? 1 : 0, RoundingMode.HALF_UP).toPlainString()
        + " " + BYTE_UNITS[exponent];
  }

  /** A share in [0, 1] as a percentage truncated to two decimals: {@code 97.23%}. */
  static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return "0.00%";
    }
    double truncated = (long) (fraction * 100 * 100) / 100.0;
    return BigDecimal.valueOf(truncated).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A plain number rounded to six decimals, without trailing zeros: {@code 50.765432}, {@code 10}. */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return strip(BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP));
  }

  /**
   * The shortest decimal that reads back as {@code value}, never in exponent notation: {@code 1523},
   * {@code 0.00001}, {@code 12.345678912}. For machine-read outputs (CSV).
   */
  static String plainShortest(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return strip(BigDecimal.valueOf(value));
  }

  private static String truncated(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return strip(BigDecimal.valueOf((long) (value * scale) / scale).setScale(decimals, RoundingMode.HALF_UP));
  }

  private static String strip(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }
}
