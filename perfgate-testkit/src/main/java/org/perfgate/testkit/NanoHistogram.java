package org.perfgate.testkit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small concurrent histogram of non-negative nanosecond values, log-linear buckets of 1/64 of
 * their value (about 1.6 %): the {@link DelayServer}'s record of how late it answered. The JDK alone,
 * as the DelayServer runs with only this module's classes on the class path (HdrHistogram would
 * do the same job). Thread-safe: {@link #record} is wait-free; a {@link #reset} racing with
 * recording may count a value on either side of it.
 */
final class NanoHistogram {
  private static final int SUB_BUCKET_BITS = 7; // values below 128 ns exact, then 64 buckets per power of two
  private static final int HALF = 1 << (SUB_BUCKET_BITS - 1);
  private static final int BUCKETS = HALF * (64 - SUB_BUCKET_BITS + 2);

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final AtomicLong max = new AtomicLong();

  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts.incrementAndGet(index(value));
    max.accumulateAndGet(value, Math::max);
  }

  void reset() {
    for (int i = 0; i < BUCKETS; i++) {
      counts.set(i, 0);
    }
    max.set(0);
  }

  /** Count and percentiles now; a percentile is its bucket's midpoint, capped at the maximum. */
  DelayServer.Percentiles snapshot() {
    long[] copy = new long[BUCKETS];
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      copy[i] = counts.get(i);
      total += copy[i];
    }
    long maxNanos = max.get();
    return new DelayServer.Percentiles(total, percentile(copy, total, 0.50, maxNanos),
        percentile(copy, total, 0.90, maxNanos), percentile(copy, total, 0.99, maxNanos), maxNanos);
  }

  private static long percentile(long[] counts, long total, double quantile, long maxNanos) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(quantile * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(maxNanos, midpoint(i));
      }
    }
    return maxNanos;
  }

  static int index(long value) {
    int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(value) - (SUB_BUCKET_BITS - 1));
    return (int) (HALF * shift + (value >>> shift));
  }

  /** The middle of bucket {@code index}'s value range. */
  static long midpoint(int index) {
    int shift = Math.max(0, index / HALF - 1);
    long lowest = (long) (index - HALF * shift) << shift;
    return lowest + ((1L << shift) >>> 1);
  }
}
