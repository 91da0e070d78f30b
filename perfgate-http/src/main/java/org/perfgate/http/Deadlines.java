package org.perfgate.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces request timeouts for every {@link Http1Channel} of the process with one watchdog thread
 * that wakes every {@link #TICK_NANOS} and closes the connections whose deadline passed; the
 * blocked read then fails and the request is reported as timed out.
 *
 * <p>Why not a socket read timeout: a timed read parks the virtual thread with a timer, which
 * costs a timer-queue insertion and removal per read; measured (bench/http-clients), untimed reads
 * with this watchdog serve about 1.5x more requests per CPU-second. The price is precision:
 * timeouts fire up to one tick late. Process-wide on purpose: one thread for all VUs.
 */
final class Deadlines {
  /** How often deadlines are checked: the precision of request timeouts. */
  static final long TICK_NANOS = 5_000_000L;

  private static final Set<Http1Channel> WATCHED = ConcurrentHashMap.newKeySet();
  private static final Object START_LOCK = new Object();
  private static Thread watchdog;

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

  private static void run() {
    while (true) {
      long now = System.nanoTime();
      for (Http1Channel channel : WATCHED) {
        channel.expireIfLate(now);
      }
      LockSupport.parkNanos(TICK_NANOS);
    }
  }
}
