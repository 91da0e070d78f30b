package org.perfgate.engine.spi;

/**
 * A re-armable one-shot timer of an {@link IoLoop}, at millisecond resolution (the loop's tick):
 * its task runs on the loop in the first tick at or after the due time. Arming and cancelling are
 * O(1) and allocate nothing, so a connection can arm one for every request it sends.
 */
public interface IoTimer {
  /** (Re)arms the timer for {@code dueNanos} ({@link System#nanoTime()} base). */
  void arm(long dueNanos);

  /** Disarms the timer; nothing happens when it is not armed. */
  void cancel();

  boolean armed();
}
