package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.http.HttpProtocolContractTest.execute;

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

/** The http1 client, blocking and non-blocking, beyond the contract of every client. */
class Http1ConnectionTest {
  private static TargetServer server;

  @BeforeAll
  static void start() {
    server = TargetServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpConnection open(String client) {
    return Protocols.open(client, Protocols.OPTIONS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void measuresConnectingOnlyWhenItOpensAConnection(String client) {
    try (HttpConnection connection = open(client)) {
      assertThat(execute(connection, "GET", server.uri("/fast")).connectingNanos()).isPositive();
      assertThat(execute(connection, "GET", server.uri("/fast")).connectingNanos()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void countsRequestAndResponseBytesIncludingHeaders(String client) {
    try (HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", server.uri("/fast"));
      String request = "GET /fast HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUser-Agent: perfgate/0.1\r\n\r\n";
      assertThat(exchange.bytesSent()).isEqualTo(request.length());
      long headerBytes = 0;
      for (int i = 0; i < exchange.responseHeaders().size(); i += 2) {
        headerBytes += exchange.responseHeaders().get(i).length() + 2 + exchange.responseHeaders().get(i + 1).length() + 2;
      }
      assertThat(exchange.bytesReceived()).isEqualTo("HTTP/1.1 200 OK\r\n".length() + headerBytes + 2 + 11);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void reconnectsTransparentlyWhenTheServerClosedAnIdleConnection(String client) throws Exception {
    try (TargetServer closing = TargetServer.builder().idleTimeout(Duration.ofMillis(150)).start();
        HttpConnection connection = open(client)) {
      assertThat(execute(connection, "GET", closing.uri("/fast")).status()).isEqualTo(200);
      Thread.sleep(400); // the server closes the idle connection meanwhile
      HttpExchange exchange = execute(connection, "GET", closing.uri("/fast"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.status()).isEqualTo(200);
      assertThat(exchange.connectingNanos()).isPositive();
      assertThat(closing.connectionCount()).isEqualTo(2);
      assertThat(closing.requestCount("/fast")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void sendsPostOnANewConnectionWhenTheServerClosedTheIdleOne(String client) throws Exception {
    try (TargetServer closing = TargetServer.builder().idleTimeout(Duration.ofMillis(150)).start();
        HttpConnection connection = open(client)) {
      execute(connection, "GET", closing.uri("/fast"));
      Thread.sleep(400);
      HttpExchange post = Protocols.exchange("POST", closing.uri("/login"));
      post.requestBody("{\"username\":\"bob\"}".getBytes(StandardCharsets.UTF_8));
      connection.execute(post);
      assertThat(post.failure()).isEqualTo(FailureReason.NONE);
      assertThat(post.responseBodyText()).isEqualTo("{\"token\":\"token-bob\"}");
      assertThat(closing.requestCount("/login")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void opensANewConnectionAfterConnectionClose(String client) {
    try (TargetServer own = TargetServer.start();
        HttpConnection connection = open(client)) {
      for (int i = 0; i < 3; i++) {
        HttpExchange exchange = Protocols.exchange("GET", own.uri("/fast"));
        exchange.addRequestHeader("Connection", "close");
        connection.execute(exchange);
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.responseBodyText()).isEqualTo("{\"ok\":true}");
      }
      assertThat(own.connectionCount()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void keepsOneConnectionPerHostAndPort(String client) {
    try (TargetServer other = TargetServer.start();
        HttpConnection connection = open(client)) {
      for (int i = 0; i < 3; i++) {
        assertThat(execute(connection, "GET", server.uri("/fast")).status()).isEqualTo(200);
        assertThat(execute(connection, "GET", other.uri("/fast")).status()).isEqualTo(200);
      }
      assertThat(other.connectionCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void reportsAConnectionClosedWithoutResponseAsReset(String client) {
    try (HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", server.uri("/close"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.CONNECTION_RESET);
      assertThat(exchange.failureDetail()).isEqualTo("server closed the connection without a response");
      assertThat(execute(connection, "GET", server.uri("/fast")).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void splitsWaitingAndReceivingWhenTheBodyComesLate(String client) {
    try (HttpConnection connection = open(client)) {
      execute(connection, "GET", server.uri("/fast"));
      // a long gap between head and body: the split must hold on a loaded CI machine too
      HttpExchange exchange = execute(connection, "GET", server.uri("/slowbody?ms=1000"));
      assertThat(exchange.responseBodyText()).isEqualTo("{\"ok\":true}");
      assertThat(Duration.ofNanos(exchange.waitingNanos())).isLessThan(Duration.ofMillis(700));
      assertThat(Duration.ofNanos(exchange.receivingNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void timesOutABodyThatComesTooLate(String client) {
    HttpClientOptions quick = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofMillis(200), 1 << 20);
    try (HttpConnection connection = Protocols.open(client, quick)) {
      HttpExchange exchange = execute(connection, "GET", server.uri("/slowbody?ms=2000"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.REQUEST_TIMEOUT);
      assertThat(exchange.bytesReceived()).isPositive();
      assertThat(Duration.ofNanos(exchange.endNanos() - exchange.startNanos())).isLessThan(Duration.ofMillis(1000));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void timesOutNearTheDeadlineEvenWhenTheWatchdogWasIdle(String client) throws InterruptedException {
    // The watchdog sleeps up to a second when no request is pending; a request armed meanwhile
    // must wake it, or its timeout would fire up to a second late. Five tries: a watchdog that
    // was not woken would wake at a uniformly random time in its sleep, seldom five times early.
    HttpClientOptions quick = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofMillis(100), 1 << 20);
    try (HttpConnection connection = Protocols.open(client, quick)) {
      for (int i = 0; i < 5; i++) {
        Thread.sleep(50);
        HttpExchange exchange = execute(connection, "GET", server.uri("/slowbody?ms=2000"));
        assertThat(exchange.failure()).isEqualTo(FailureReason.REQUEST_TIMEOUT);
        assertThat(Duration.ofNanos(exchange.endNanos() - exchange.startNanos())).isLessThan(Duration.ofMillis(500));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void refusesHttpsForNow(String client) {
    try (HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", URI.create("https://127.0.0.1:1/"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.PROTOCOL_ERROR);
      assertThat(exchange.failureDetail()).contains("https not supported yet");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void mapsAnUnknownHostToUnknownHost(String client) {
    try (HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", URI.create("http://no-such-host.invalid/"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.UNKNOWN_HOST);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void readsABodyDelimitedByCloseFromAnHttp10Server(String client) throws Exception {
    try (CannedServer canned = new CannedServer("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
        HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", canned.uri("/"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.responseBodyText()).isEqualTo("until the end");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void skipsInterimResponsesChunkExtensionsAndTrailers(String client) throws Exception {
    String response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: yes\r\n\r\n";
    try (CannedServer canned = new CannedServer(response);
        HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", canned.uri("/"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.NONE);
      assertThat(exchange.status()).isEqualTo(200);
      assertThat(exchange.responseBodyText()).isEqualTo("helloabcdefghijklmnopqrstuvwxyz");
      assertThat(exchange.bytesReceived()).isEqualTo(response.length());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void reportsAMalformedResponseAsProtocolError(String client) throws Exception {
    try (CannedServer canned = new CannedServer("SSH-2.0-OpenSSH_9.6\r\n\r\n");
        HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", canned.uri("/"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.PROTOCOL_ERROR);
      assertThat(exchange.failureDetail()).contains("status line");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http1", "http1-async"})
  void reportsATruncatedBodyAsReset(String client) throws Exception {
    try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
        HttpConnection connection = open(client)) {
      HttpExchange exchange = execute(connection, "GET", canned.uri("/"));
      assertThat(exchange.failure()).isEqualTo(FailureReason.CONNECTION_RESET);
      assertThat(exchange.failureDetail()).contains("before the response was complete");
    }
  }
}
