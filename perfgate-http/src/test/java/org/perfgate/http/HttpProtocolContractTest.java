package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.testkit.TargetServer;

/** What every client must do, run against each registered protocol and a real server. */
class HttpProtocolContractTest {
  private static TargetServer server;

  @BeforeAll
  static void start() {
    server = TargetServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void getsStatusHeadersAndBody(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      HttpExchange exchange = execute(connection, "GET", server.uri("/fast"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.status()).isEqualTo(200);
      assertThat(exchange.responseHeader("content-type")).isEqualTo("application/json");
      assertThat(exchange.responseBodyText()).isEqualTo("{\"ok\":true}");
      assertThat(exchange.bytesReceived()).isGreaterThan(11);
      assertThat(exchange.bytesSent()).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void readsContentLengthAndChunkedBodies(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      HttpExchange fixed = execute(connection, "GET", server.uri("/bytes?n=100000"));
      assertThat(fixed.responseBodyLength()).isEqualTo(100_000);
      assertThat(fixed.responseBodyBytes()[99_999]).isEqualTo((byte) ('a' + 99_999 % 26));
      HttpExchange chunked = execute(connection, "GET", server.uri("/bytes?n=50000&chunked=true"));
      assertThat(chunked.failure()).isEqualTo(FailureReason.NONE);
      assertThat(chunked.responseBodyLength()).isEqualTo(50_000);
      assertThat(chunked.responseBodyText()).startsWith("abcdefghijklmnopqrstuvwxyzabc");
      assertThat(chunked.responseBodyBytes()[49_999]).isEqualTo((byte) ('a' + 49_999 % 26));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void keepsMaxBodyBytesButCountsTheWholeBody(String name) {
    HttpClientOptions small = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), 1000);
    try (HttpConnection connection = Protocols.open(name, small)) {
      HttpExchange exchange = execute(connection, "GET", server.uri("/bytes?n=300000"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.responseBodyLength()).isEqualTo(1000);
      assertThat(exchange.bytesReceived()).isGreaterThanOrEqualTo(300_000);
      HttpExchange next = execute(connection, "GET", server.uri("/fast"));
      assertThat(next.responseBodyText()).isEqualTo("{\"ok\":true}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void sendsPostBodyAndHeaders(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      HttpExchange exchange = Protocols.exchange("POST", server.uri("/echo?q=1"));
      exchange.addRequestHeader("Content-Type", "application/json");
      exchange.addRequestHeader("X-Trace", "abc");
      exchange.requestBody("{\"name\":\"perfgate\"}".getBytes(StandardCharsets.UTF_8));
      connection.execute(exchange);
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.responseBodyText())
          .contains("\"method\":\"POST\"", "\"query\":\"q=1\"", "\"x-trace\":\"abc\"")
          .contains("\"content-type\":\"application/json\"", "\"user-agent\":\"perfgate/0.1\"")
          .contains("\"body\":\"{\\\"name\\\":\\\"perfgate\\\"}\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void sendsLargeRequestBodies(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      byte[] body = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
      HttpExchange exchange = Protocols.exchange("PUT", server.uri("/echo"));
      exchange.requestBody(body);
      connection.execute(exchange);
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.responseBodyText()).contains("\"method\":\"PUT\"", "\"content-length\":\"100000\"");
      assertThat(exchange.responseBodyLength()).isGreaterThan(100_000);
      assertThat(exchange.bytesSent()).isGreaterThan(100_000);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void reportsStatusCodesAsResponsesNotFailures(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      for (int code : new int[] {201, 204, 304, 404, 500, 503}) {
        HttpExchange exchange = execute(connection, "GET", server.uri("/status?code=" + code));
        assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
        assertThat(exchange.status()).isEqualTo(code);
        assertThat(exchange.responseBodyLength()).isEqualTo(code == 204 || code == 304 ? 0 : 14);
      }
      HttpExchange head = execute(connection, "HEAD", server.uri("/bytes?n=500"));
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.responseBodyLength()).isZero();
      assertThat(execute(connection, "GET", server.uri("/fast")).responseBodyText()).isEqualTo("{\"ok\":true}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void reusesOneConnectionForManyRequests(String name) {
    try (TargetServer own = TargetServer.start();
        HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      for (int i = 0; i < 20; i++) {
        assertThat(execute(connection, "GET", own.uri("/fast")).status()).isEqualTo(200);
      }
      assertThat(own.requestCount("/fast")).isEqualTo(20);
      assertThat(own.connectionCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void mapsRefusedConnectionToConnectionRefused(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      URI refused = URI.create("http://127.0.0.1:" + TargetServer.refusedPort() + "/fast");
      HttpExchange exchange = execute(connection, "GET", refused);
      assertThat(exchange.failure()).isEqualTo(FailureReason.CONNECTION_REFUSED);
      assertThat(exchange.status()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void timesOutSlowResponsesWithinBounds(String name) {
    HttpClientOptions quick = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofMillis(300), 1 << 20);
    try (HttpConnection connection = Protocols.open(name, quick)) {
      execute(connection, "GET", server.uri("/fast")); // connect (and upgrade) outside the timed request
      long start = System.nanoTime();
      HttpExchange exchange = execute(connection, "GET", server.uri("/delay?ms=3000"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(exchange.failure()).isEqualTo(FailureReason.REQUEST_TIMEOUT);
      assertThat(took).isBetween(Duration.ofMillis(290), Duration.ofMillis(1500));
      assertThat(execute(connection, "GET", server.uri("/fast")).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async", "h2c", "jdk"})
  void phasesAreNonNegativeAndFitInTheDuration(String name) {
    try (HttpConnection connection = Protocols.open(name, Protocols.OPTIONS)) {
      for (String path : new String[] {"/fast", "/fast", "/delay?ms=20", "/slowbody?ms=50", "/bytes?n=200000"}) {
        HttpExchange exchange = execute(connection, "GET", server.uri(path));
        assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
        long total = exchange.endNanos() - exchange.startNanos();
        assertThat(exchange.blockedNanos()).isZero();
        assertThat(exchange.connectingNanos()).isNotNegative();
        assertThat(exchange.sendingNanos()).isNotNegative();
        assertThat(exchange.waitingNanos()).isNotNegative();
        assertThat(exchange.receivingNanos()).isNotNegative();
        assertThat(exchange.sendingNanos() + exchange.waitingNanos() + exchange.receivingNanos()).isLessThanOrEqualTo(total);
      }
    }
  }

  static HttpExchange execute(HttpConnection connection, String method, URI uri) {
    HttpExchange exchange = Protocols.exchange(method, uri);
    connection.execute(exchange);
    return exchange;
  }
}
