package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.http.HttpProtocolContractTest.execute;

import org.junit.jupiter.api.Test;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.testkit.TargetServer;

class H2cProtocolTest {
  @Test
  void speaksHttp2AfterTheUpgrade() {
    try (TargetServer server = TargetServer.start();
        HttpConnection connection = Protocols.named("h2c").open(Protocols.OPTIONS)) {
      for (int i = 0; i < 3; i++) {
        HttpExchange exchange = execute(connection, "GET", server.uri("/echo"));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.responseBodyText()).contains("\"protocol\":\"HTTP/2.0\"");
      }
      assertThat(server.http2RequestCount()).isEqualTo(3);
      assertThat(server.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void http1StaysOnHttp11() {
    try (TargetServer server = TargetServer.start();
        HttpConnection connection = Protocols.named("http1").open(Protocols.OPTIONS)) {
      assertThat(execute(connection, "GET", server.uri("/echo")).responseBodyText()).contains("\"protocol\":\"HTTP/1.1\"");
      assertThat(server.http2RequestCount()).isZero();
    }
  }
}
