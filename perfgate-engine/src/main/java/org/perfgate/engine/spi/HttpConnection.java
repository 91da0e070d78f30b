package org.perfgate.engine.spi;

/**
 * One VU's connection(s) to targets, kept alive between requests. Not thread-safe: one VU uses it.
 */
public interface HttpConnection extends AutoCloseable {
  /**
   * Sends {@code exchange}'s request and fills its response and timings. Per-request failures
   * (refused, reset, timeout, bad response) never throw: they set {@link HttpExchange#failure()}.
   * Blocking; designed to run on a virtual thread.
   */
  void execute(HttpExchange exchange);

  /**
   * Tells the connection that its VU will not send for a while (think time, or waiting for its next
   * iteration): it should give back memory it can take again at the next request without
   * allocating, such as pooled I/O buffers, and may keep its connections open. Called between
   * requests, possibly after every iteration: it must be cheap. The response body of the last
   * exchange may be invalid afterwards. Never throws; the default does nothing.
   */
  default void idle() {}

  /** Closes every connection; never throws. */
  @Override
  void close();
}
