package org.perfgate.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses k6 duration strings: a sequence of decimal numbers, each with a unit ({@code ns},
 * {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}), optionally signed,
 * e.g. {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 2h}, {@code 1.5s}; {@code 0} alone is zero.
 * A plain number such as {@code 30} is not a duration. Thread-safe; used for plan fields and CLI flags.
 */
public final class DurationParser {
  private static final Pattern COMPONENT = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h|d)");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]*\\.?[0-9]+");
  private static final String EXPECTED =
      "expected a number with a unit (ns, us, ms, s, m, h, d), e.g. 500ms, 30s, 1m30s, 2h";

  private DurationParser() {}

  /**
   * Returns the duration written as {@code text} (surrounding spaces ignored); fractions finer than a
   * nanosecond are truncated. May be negative when written with {@code -}: callers check the range.
   *
   * @throws IllegalArgumentException when {@code text} is not a k6 duration, saying what was expected
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.strip();
    if (value.isEmpty()) {
      throw invalid(text, "it is empty; " + EXPECTED);
    }
    boolean negative = value.startsWith("-");
    String unsigned = negative || value.startsWith("+") ? value.substring(1) : value;
    if (unsigned.equals("0")) {
      return Duration.ZERO;
    }
    if (PLAIN_NUMBER.matcher(value).matches()) {
      throw invalid(text, "a plain number is not a duration; add a unit, e.g. " + unsigned + "s or " + unsigned + "ms");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher matcher = COMPONENT.matcher(unsigned);
    int at = 0;
    while (at < unsigned.length()) {
      matcher.region(at, unsigned.length());
      if (!matcher.lookingAt() || matcher.group(1).replace(".", "").isEmpty()) {
        throw invalid(text, EXPECTED);
      }
      nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(unitNanos(matcher.group(2))));
      at = matcher.end();
    }
    if (at == 0) {
      throw invalid(text, EXPECTED);
    }
    try {
      long total = nanos.setScale(0, RoundingMode.DOWN).longValueExact();
      return Duration.ofNanos(negative ? -total : total);
    } catch (ArithmeticException e) {
      throw invalid(text, "it is too long; the limit is about 292 years");
    }
  }

  private static BigDecimal unitNanos(String unit) {
    long nanos = switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      case "d" -> 86_400_000_000_000L;
      default -> throw new IllegalStateException("unit " + unit + " is in the pattern but not here");
    };
    return BigDecimal.valueOf(nanos);
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid duration '" + text + "': " + reason);
  }
}
