package org.perfgate.model;

import java.time.Duration;

/** A ramp from the previous target to {@code target} (VUs, or iterations per time unit) over {@code duration}. */
public record Stage(Duration duration, long target) {
  public Stage {
    Durations.requireNonNegative(duration, "duration");
    if (target < 0) {
      throw new IllegalArgumentException("target must not be negative, was " + target);
    }
  }
}
