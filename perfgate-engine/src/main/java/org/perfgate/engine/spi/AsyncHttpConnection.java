package org.perfgate.engine.spi;

/**
 * The non-blocking counterpart of {@link HttpConnection}: one VU's connections, living on one
 * {@link IoLoop}. Every method runs on the loop's thread.
 */
public interface AsyncHttpConnection extends AutoCloseable {
  /**
   * Starts sending {@code exchange}'s request and returns; {@code done} runs on the loop once the
   * response or a failure is in {@code exchange} (failures never throw, as in {@link
   * HttpConnection#execute}). {@code done} may run before this method returns (e.g. an invalid URL).
   * At most one exchange is in flight per connection.
   */
  void execute(HttpExchange exchange, Runnable done);

  /**
   * Tells the connection that its VU will not send for a while: it may give back memory it can
   * take again cheaply. The response body of the last exchange may be invalid afterwards.
   */
  default void idle() {}

  /**
   * Closes every connection. An exchange in flight is abandoned: its {@code done} never runs
   * (a hard stop: the engine does not record a request it cut short). Never throws.
   */
  @Override
  void close();
}
