package org.perfgate.http;

import java.net.http.HttpClient;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpProtocol;

/**
 * {@code jdk}: HTTP/1.1 through the JDK {@link HttpClient}, one client per VU. A benchmark peer for
 * {@code http1} (bench/http-clients) more than a client to choose: it is slower and its phases are
 * approximate. Thread-safe.
 */
public final class JdkProtocol implements HttpProtocol {
  /** For {@link java.util.ServiceLoader}. */
  public JdkProtocol() {}

  @Override
  public String name() {
    return "jdk";
  }

  @Override
  public HttpConnection open(HttpClientOptions options) {
    return new JdkHttpConnection(JdkHttpConnection.newClient(HttpClient.Version.HTTP_1_1, options), true, options);
  }
}
