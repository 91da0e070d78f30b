package org.perfgate.http;

import java.net.URI;
import java.time.Duration;
import java.util.ServiceLoader;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.engine.spi.HttpProtocol;

/** Test helpers: protocols found the way the engine finds them, and exchanges. */
final class Protocols {
  static final HttpClientOptions OPTIONS = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20);

  private Protocols() {}

  static HttpProtocol named(String name) {
    for (HttpProtocol protocol : ServiceLoader.load(HttpProtocol.class)) {
      if (protocol.name().equals(name)) {
        return protocol;
      }
    }
    throw new AssertionError("no HttpProtocol named " + name + " in META-INF/services");
  }

  /**
   * A connection of the client {@code name}: a registered protocol's, or {@code http1-async} (the
   * non-blocking http1 client behind a blocking face on its own event loop).
   */
  static HttpConnection open(String name, HttpClientOptions options) {
    return name.equals("http1-async") ? new AsyncOnLoop(options) : named(name).open(options);
  }

  static HttpExchange exchange(String method, URI uri) {
    HttpExchange exchange = new HttpExchange();
    exchange.reset(method, uri);
    return exchange;
  }
}
