package org.perfgate.engine.spi;

import java.time.Duration;

/**
 * Client settings for every VU.
 *
 * @param connectTimeout how long a TCP connect may take
 * @param requestTimeout how long from send to the last byte of the response (k6 default 60s)
 * @param maxBodyBytes responses longer than this are read and counted but only this prefix is kept
 */
public record HttpClientOptions(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes) {
  public static final HttpClientOptions DEFAULTS =
      new HttpClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 1 << 20);
}
