package org.perfgate.metrics;

/** Adds to one counter series ({@code http_reqs}, {@code data_sent}); thread-safe, lock-free. */
public interface CounterRecorder {
  /** Adds {@code delta} (usually 1, or a number of bytes) to the counter. */
  void add(long delta);
}
