package org.perfgate.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces request timeouts for every {@link Http1Channel} of the process with one watchdog thread
 * that closes the connections whose deadline passed; the blocked read then fails and the request
 * is reported as timed out.
 *
 * <p>Why not a socket read timeout: a timed read parks the virtual thread with a timer, which
 * costs a timer-queue insertion and removal per read; measured (bench/http-clients), untimed reads
 * with this watchdog serve about 1.5x more requests per CPU-second. The price is precision:
 * timeouts fire up to one {@link #TICK_NANOS} late. Process-wide on purpose: one thread for all VUs.
 *
 * <p>The watchdog sleeps until the earliest pending deadline (at most {@link #MAX_SLEEP_NANOS}),
 * not one tick at a time: waking every 5 ms cost about 1.5 % of a pinned generator core
 * (bench/efficiency.sh, perf) and scanned every connection 200 times a second. A request armed
 * with a deadline earlier than the planned wake-up unparks it ({@link #armed}).
 */
final class Deadlines {
  /** The shortest sleep between two scans: the precision of request timeouts. */
  static final long TICK_NANOS = 5_000_000L;

  /** The longest sleep between two scans. */
  static final long MAX_SLEEP_NANOS = 1_000_000_000L;

  /** What {@link Http1Channel#expireIfLate} returns for a channel with no pending deadline. */
  static final long NONE = Long.MIN_VALUE;

  // Far enough ahead that every deadline compares earlier, near enough not to overflow.
  private static final long SCANNING = Long.MAX_VALUE / 4;

  private static final Set<Http1Channel> WATCHED = ConcurrentHashMap.newKeySet();
  private static final Object START_LOCK = new Object();
  private static volatile Thread watchdog;
  // When the watchdog plans to wake next; now + SCANNING while it scans, so that a deadline armed
  // during a scan that missed it unparks the watchdog.
  private static volatile long wakeAt = System.nanoTime() + SCANNING;

  private Deadlines() {}

  /** Watches {@code channel} from now on; starts the watchdog the first time. */
  static void watch(Http1Channel channel) {
    WATCHED.add(channel);
    synchronized (START_LOCK) {
      if (watchdog == null) {
        watchdog = Thread.ofPlatform().name("perfgate-http-deadlines").daemon().start(Deadlines::run);
      }
    }
  }

  static void unwatch(Http1Channel channel) {
    WATCHED.remove(channel);
  }

  /**
   * A watched channel's request got deadline {@code dueNanos} (already visible to the watchdog):
   * wakes the watchdog if it plans to sleep past it. One volatile read on the usual path.
   */
  static void armed(long dueNanos) {
    if (dueNanos - wakeAt < 0) {
      Thread thread = watchdog;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }
  }

  private static void run() {
    while (true) {
      long now = System.nanoTime();
      // Dekker-style with armed(): the channel writes its deadline then reads wakeAt; we write
      // wakeAt then read deadlines. Either the scan sees the deadline or the channel unparks us.
      wakeAt = now + SCANNING;
      long next = now + MAX_SLEEP_NANOS;
      for (Http1Channel channel : WATCHED) {
        long due = channel.expireIfLate(now);
        if (due != NONE && due - next < 0) {
          next = due;
        }
      }
      long sleep = Math.max(TICK_NANOS, next - now);
      wakeAt = now + sleep;
      LockSupport.parkNanos(sleep);
    }
  }
}
