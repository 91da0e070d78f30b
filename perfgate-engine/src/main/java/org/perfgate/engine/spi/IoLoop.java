package org.perfgate.engine.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * The event loop a non-blocking connection lives on: one platform thread with one selector and a
 * timer wheel. Every method here, every {@link IoHandler} and every {@link IoTimer} callback runs on
 * the loop's thread; nothing is thread-safe and nothing needs to be.
 */
public interface IoLoop {
  /**
   * Registers {@code channel} (non-blocking) with the loop's selector for {@code ops}; {@code
   * handler} is called on the loop whenever the channel is ready. Change the interest through the
   * returned key; cancel it (or close the channel) to unregister.
   */
  SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws IOException;

  /** A one-shot timer that runs {@code task} on the loop when armed and due; reusable. */
  IoTimer timer(Runnable task);

  /**
   * A direct buffer shared by every connection of this loop, for one read or write at a time:
   * its contents are undefined once the calling handler returns. Saves a buffer per connection.
   */
  ByteBuffer ioBuffer();

  /** {@link System#nanoTime()}. */
  default long nanoTime() {
    return System.nanoTime();
  }
}
