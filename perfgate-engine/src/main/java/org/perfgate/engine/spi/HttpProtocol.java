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
   * Whether {@link #openAsync} is implemented. The engine then runs VUs on event loops (cheaper
   * per request), else on virtual threads with {@link #open}.
   */
  default boolean nonBlocking() {
    return false;
  }

  /**
   * The client state of one VU living on {@code loop}. May be called from any thread; the result is
   * used on the loop's thread only.
   *
   * @throws UnsupportedOperationException unless {@link #nonBlocking()}
   */
  default AsyncHttpConnection openAsync(HttpClientOptions options, IoLoop loop) {
    throw new UnsupportedOperationException(name() + " has no non-blocking client");
  }
}
