package org.perfgate.http;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the open connections of every {@link Http1Channel} of the process below its open-file
 * limit: a connect first takes a slot, waiting for one when all are taken (k6's "blocked" phase),
 * and the channel gives it back when it closes the socket.
 *
 * <p>Why: a generator that falls behind (a busy core, a GC pause) holds one socket per request in
 * flight; with a connection per request ({@code noConnectionReuse}) and thousands of requests a
 * second, the sockets once reached the 20,000 open files of a process and every further connect
 * failed with "Too many open files" (bench/scale.sh at 100,000 VUs: 51,343 of 108,913 requests).
 * Those were the generator's failures, reported as the target's. With slots, such a request waits
 * for a socket of its own process to close instead; only a wait longer than the connect timeout
 * fails, with a detail that names the limit. Thread-safe; a free slot costs one CAS to take and one
 * to give back.
 */
final class ConnectionSlots {
  /** Descriptors left for everything else of the process: jars, files, pipes, other clients. */
  static final int RESERVED_FILES = 256;

  /** Used when the JVM does not tell the open-file limit (not a Unix system). */
  static final int UNKNOWN_LIMIT_SLOTS = 16_384;

  /** The slots of this process, sized from its open-file limit. */
  static final ConnectionSlots PROCESS = new ConnectionSlots(forOpenFileLimit(openFileLimit()));

  private final int capacity;
  private final Semaphore free;

  ConnectionSlots(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.capacity = capacity;
    this.free = new Semaphore(capacity);
  }

  /**
   * How many connections may be open at once under an open-file limit of {@code maxFiles}
   * ({@code -1} when unknown): the limit minus {@link #RESERVED_FILES} and a tenth of the rest.
   */
  static int forOpenFileLimit(long maxFiles) {
    if (maxFiles < 0) {
      return UNKNOWN_LIMIT_SLOTS;
    }
    long usable = maxFiles - RESERVED_FILES;
    return (int) Math.max(16, Math.min(Integer.MAX_VALUE, usable - usable / 10));
  }

  /** This process's open-file limit (the JVM raises the soft limit to the hard one), or -1. */
  static long openFileLimit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }

  int capacity() {
    return capacity;
  }

  /** Slots taken now (for tests and messages). */
  int taken() {
    return capacity - free.availablePermits();
  }

  /** Takes a slot if one is free now, without waiting. */
  boolean tryTake() {
    return free.tryAcquire();
  }

  /**
   * Takes a slot, waiting at most {@code timeoutNanos} for one.
   *
   * @return false when no slot was given back in time
   */
  boolean take(long timeoutNanos) throws InterruptedException {
    return free.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Gives back a slot taken with {@link #take}. */
  void giveBack() {
    free.release();
  }

  /** The failure detail of a connect that found no slot within its timeout. */
  String exhaustedDetail() {
    return "no connection slot within the connect timeout: this process has " + capacity
        + " connections open, the most its open-file limit allows (the generator is behind or"
        + " connections are kept open; raise ulimit -n or use more generator processes)";
  }
}
