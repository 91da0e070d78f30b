package org.perfgate.metrics;

/** Sets one gauge series ({@code vus}); thread-safe, lock-free; the last set wins. */
public interface GaugeRecorder {
  /** Sets the current value; the minimum and maximum seen are tracked too. */
  void set(long value);
}
