package org.perfgate.http;

import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpProtocol;

/**
 * {@code http1}: perfgate's own HTTP/1.1 client, blocking I/O on virtual threads, one keep-alive
 * connection per VU and host:port, reusable buffers. Chosen as the default by measurement
 * (bench/http-clients). {@code http://} only: an {@code https://} URL fails with {@code
 * PROTOCOL_ERROR}. Thread-safe; each {@link #open} result is used by one VU.
 */
public final class Http1Protocol implements HttpProtocol {
  /** For {@link java.util.ServiceLoader}. */
  public Http1Protocol() {}

  @Override
  public String name() {
    return "http1";
  }

  @Override
  public HttpConnection open(HttpClientOptions options) {
    return new Http1Connection(options);
  }
}
