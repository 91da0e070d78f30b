package org.perfgate.engine.spi;

import java.time.Duration;

/**
 * Client settings for every VU.
 *
 * @param connectTimeout how long a TCP connect may take
 * @param requestTimeout how long from send to the last byte of the response (k6 default 60s)
 * @param maxBodyBytes responses longer than this are read and counted but only this prefix is kept
 * @param keepAlive false when the engine closes the connection after every request (the plan's
 *     {@code noConnectionReuse}): HTTP/1.1 clients then send {@code Connection: close}, so that the
 *     server closes first and the TIME_WAIT state (and its port) stays on the server's side
 */
public record HttpClientOptions(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes,
    boolean keepAlive) {
  public static final HttpClientOptions DEFAULTS =
      new HttpClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 1 << 20);

  /** Keep-alive options. */
  public HttpClientOptions(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes) {
    this(connectTimeout, requestTimeout, maxBodyBytes, true);
  }

  /** These options with {@code keepAlive} replaced. */
  public HttpClientOptions withKeepAlive(boolean keepAlive) {
    return new HttpClientOptions(connectTimeout, requestTimeout, maxBodyBytes, keepAlive);
  }
}
