package org.perfgate.testkit;

/**
 * When a {@link DelayServer} answers: each request needs {@code delayNanos} of work, and the server
 * is frozen for {@code stallNanos} at the end of every {@code everyNanos} period (windows {@code
 * [k S + S - M, (k + 1) S)} from the server's start), the way a stop-the-world pause freezes every
 * thread: work does not progress and nothing is sent during a stall. So a request arriving in a
 * stall waits for its end, then takes D; one arriving less than D before a stall is finished D + M
 * after it arrived. Pure: times are nanoseconds from the server's start.
 *
 * @param delayNanos the work per request, D (>= 0)
 * @param stallNanos the stall length, M (>= 0; 0 means never stalls)
 * @param everyNanos the stall period, S (> M)
 */
public record StallSchedule(long delayNanos, long stallNanos, long everyNanos) {
  public StallSchedule {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delay must be >= 0, got " + delayNanos + " ns");
    }
    if (stallNanos < 0) {
      throw new IllegalArgumentException("stall must be >= 0, got " + stallNanos + " ns");
    }
    if (everyNanos <= stallNanos) {
      throw new IllegalArgumentException("stall period (" + everyNanos + " ns) must be longer than the stall ("
          + stallNanos + " ns)");
    }
  }

  /** A fixed delay and no stall. */
  public static StallSchedule fixed(long delayNanos) {
    return new StallSchedule(delayNanos, 0, Long.MAX_VALUE);
  }

  /** True when {@code nanos} (from the server's start) falls in a stall window. */
  public boolean stalled(long nanos) {
    return stallNanos > 0 && Math.floorMod(nanos, everyNanos) >= everyNanos - stallNanos;
  }

  /** When the response to a request that arrived at {@code arrivalNanos} is sent. */
  public long completionNanos(long arrivalNanos) {
    if (stallNanos == 0) {
      return arrivalNanos + delayNanos;
    }
    long now = arrivalNanos;
    long remaining = delayNanos;
    while (true) {
      long periodStart = Math.floorDiv(now, everyNanos) * everyNanos;
      long stallStart = periodStart + everyNanos - stallNanos;
      long stallEnd = periodStart + everyNanos;
      if (now >= stallStart) {
        now = stallEnd; // frozen: resume when the stall ends
        continue;
      }
      long running = stallStart - now;
      if (remaining <= running) {
        // a response due exactly when a stall starts counts as sent before it
        return now + remaining;
      }
      remaining -= running;
      now = stallEnd;
    }
  }
}
