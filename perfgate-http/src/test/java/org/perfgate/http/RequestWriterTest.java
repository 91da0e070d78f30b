package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.spi.HttpExchange;

class RequestWriterTest {
  private static String encode(RequestWriter writer, HttpExchange exchange) {
    writer.encode(exchange);
    return new String(writer.bytes(), 0, writer.length(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void asksTheServerToCloseWhenConnectionsAreNotReused() {
    HttpExchange exchange = Protocols.exchange("GET", URI.create("http://127.0.0.1:8080/a"));
    assertThat(encode(new RequestWriter("127.0.0.1:8080", false), exchange)).isEqualTo(
        "GET /a HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: perfgate/0.1\r\nConnection: close\r\n\r\n");
    assertThat(encode(new RequestWriter("127.0.0.1:8080", true), exchange)).doesNotContain("Connection");
  }

  @Test
  void keepsAConnectionHeaderThePlanSets() {
    HttpExchange exchange = Protocols.exchange("GET", URI.create("http://127.0.0.1:8080/a"));
    exchange.addRequestHeader("Connection", "keep-alive");
    assertThat(encode(new RequestWriter("127.0.0.1:8080", false), exchange))
        .contains("Connection: keep-alive\r\n").doesNotContain("close");
  }
}
