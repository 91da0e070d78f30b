package org.perfgate.engine.spi;

/**
 * An HTTP client implementation, registered in {@code META-INF/services/org.perfgate.engine.spi.HttpProtocol}.
 * Thread-safe; {@link #open} is called once per VU.
 */
public interface HttpProtocol {
  /** The name users select with {@code --http}, e.g. {@code http1} or {@code h2c}. */
  String name();

  /** The client state of one VU (its connections); used by one thread at a time. */
  HttpConnection open(HttpClientOptions options);

  /**
   * The client state of one VU on an event loop, or null when this protocol only blocks (the
   * engine then runs its VUs on virtual threads). The engine prefers this when it is offered.
   */
  default AsyncHttpConnection openAsync(HttpClientOptions options, IoLoop loop) {
    return null;
  }
}
