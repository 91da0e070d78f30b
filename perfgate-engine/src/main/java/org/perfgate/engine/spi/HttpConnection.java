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

  /** Closes every connection; never throws. */
  @Override
  void close();
}
