package org.perfgate.model;

import java.time.Duration;
import java.util.Objects;

/** Argument checks and k6-style formatting for {@link Duration}s. */
public final class Durations {
  private Durations() {}

  /** Returns {@code value} or throws when it is null or negative. */
  public static Duration requireNonNegative(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  /** Returns {@code value} or throws when it is null, zero or negative. */
  public static Duration requirePositive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return value;
  }

  /** k6's short form: {@code 1m30s}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration value) {
    if (value.isZero()) {
      return "0s";
    }
    long millis = value.toMillis();
    if (millis < 1000 || millis % 1000 != 0) {
      if (millis >= 1000) {
        return format(Duration.ofSeconds(millis / 1000)) + (millis % 1000) + "ms";
      }
      return millis + "ms";
    }
    long seconds = millis / 1000;
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
      seconds %= 3600;
    }
    if (seconds >= 60) {
      text.append(seconds / 60).append('m');
      seconds %= 60;
    }
    if (seconds > 0) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
