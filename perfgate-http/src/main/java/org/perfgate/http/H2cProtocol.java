package org.perfgate.http;

import java.net.http.HttpClient;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpProtocol;

/**
 * {@code h2c}: HTTP/2 over cleartext through the JDK {@link HttpClient}, which reaches HTTP/2 by
 * the HTTP/1.1 {@code Upgrade: h2c} request (no prior knowledge). One client, so one TCP
 * connection, per VU as in k6. Phases and byte counts are approximate (see {@code JdkHttpConnection}). Thread-safe.
 */
public final class H2cProtocol implements HttpProtocol {
  /** For {@link java.util.ServiceLoader}. */
  public H2cProtocol() {}

  @Override
  public String name() {
    return "h2c";
  }

  @Override
  public HttpConnection open(HttpClientOptions options) {
    return new JdkHttpConnection(JdkHttpConnection.newClient(HttpClient.Version.HTTP_2, options), true, options);
  }
}
