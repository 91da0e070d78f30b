package org.perfgate.http;

import java.net.URI;
import java.time.Duration;
import java.util.ServiceLoader;
import org.perfgate.engine.spi.HttpClientOptions;
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

  static HttpExchange exchange(String method, URI uri) {
    HttpExchange exchange = new HttpExchange();
    exchange.reset(method, uri);
    return exchange;
  }
}
