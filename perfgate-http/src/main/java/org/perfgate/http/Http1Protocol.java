package org.perfgate.http;

import org.perfgate.engine.spi.AsyncHttpConnection;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.engine.spi.IoLoop;

/**
 * {@code http1}: perfgate's own HTTP/1.1 client, one keep-alive connection per VU and host:port,
 * reusable buffers; blocking I/O on virtual threads ({@link #open}) or non-blocking on an event loop
 * ({@link #openAsync}), both through one response parser. Chosen as the default by measurement
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

  @Override
  public boolean nonBlocking() {
    return true;
  }

  @Override
  public AsyncHttpConnection openAsync(HttpClientOptions options, IoLoop loop) {
    return new Http1AsyncConnection(options, loop);
  }
}
