package org.perfgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TargetServerTest {
  private static TargetServer server;
  private static HttpClient http1;

  @BeforeAll
  static void start() {
    server = TargetServer.start();
    http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    http1.close();
    server.close();
  }

  @Test
  void servesManyRequestsOnOneKeepAliveConnection() throws Exception {
    try (TargetServer own = TargetServer.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> response = client.send(get(own, "/fast"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
      }
      assertThat(own.requestCount("/fast")).isEqualTo(5);
      assertThat(own.requestCount()).isEqualTo(5);
      assertThat(own.connectionCount()).isEqualTo(1);
      own.resetCounts();
      assertThat(own.requestCount()).isZero();
    }
  }

  @Test
  void upgradesJdkClientToH2c() throws Exception {
    try (TargetServer own = TargetServer.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      client.send(get(own, "/fast"), HttpResponse.BodyHandlers.ofString()); // the upgrade request
      HttpResponse<String> response = client.send(get(own, "/echo"), HttpResponse.BodyHandlers.ofString());
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(response.body()).contains("\"protocol\":\"HTTP/2.0\"");
      assertThat(own.http2RequestCount()).isEqualTo(2);
      assertThat(own.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void acceptsH2cWithPriorKnowledge() throws Exception {
    try (Socket socket = connect()) {
      byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      socket.getOutputStream().write(preface);
      socket.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // empty SETTINGS
      byte[] frameHeader = socket.getInputStream().readNBytes(9);
      assertThat(frameHeader[3]).as("frame type").isEqualTo((byte) 4);
    }
  }

  @Test
  void sendsBytesWithContentLengthOrChunked() throws Exception {
    String plain = raw("GET /bytes?n=30 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(plain).contains("Content-Length: 30").endsWith("\r\n\r\nabcdefghijklmnopqrstuvwxyzabcd");
    String chunked;
    try (Socket socket = connect()) { // keep-alive: with Connection: close Jetty would delimit by EOF
      socket.getOutputStream().write("GET /bytes?n=30&chunked=true HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      chunked = readUntil(socket.getInputStream(), "\r\n0\r\n\r\n");
    }
    assertThat(chunked).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContain("Content-Length");
    assertThat(chunked).contains("abcdefghijk").endsWith("0\r\n\r\n");
  }

  @Test
  void echoesMethodHeadersQueryAndBody() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/echo?a=1&b=two"))
            .header("X-Test", "yes \"quoted\"")
            .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":1}"))
            .build();
    String body = http1.send(request, HttpResponse.BodyHandlers.ofString()).body();
    assertThat(body)
        .contains("\"method\":\"POST\"", "\"protocol\":\"HTTP/1.1\"", "\"query\":\"a=1&b=two\"")
        .contains("\"x-test\":\"yes \\\"quoted\\\"\"", "\"body\":\"{\\\"hello\\\":1}\"");
  }

  @Test
  void answersStatusCodesWithAndWithoutBody() throws Exception {
    HttpResponse<String> unavailable = http1.send(get(server, "/status?code=503"), HttpResponse.BodyHandlers.ofString());
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.body()).isEqualTo("{\"status\":503}");
    HttpResponse<String> noContent = http1.send(get(server, "/status?code=204"), HttpResponse.BodyHandlers.ofString());
    assertThat(noContent.statusCode()).isEqualTo(204);
    assertThat(noContent.body()).isEmpty();
    assertThat(http1.send(get(server, "/nowhere"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    HttpResponse<String> bad = http1.send(get(server, "/status?code=abc"), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("{\"error\":\"code must be an integer, got: abc\"}");
  }

  @Test
  void returnsConfiguredJsonOrQueryAsJson() throws Exception {
    try (TargetServer own = TargetServer.builder().json("{\"x\":[1,2]}").route("/teapot", 418, "text/plain", "tea").start()) {
      assertThat(http1.send(get(own, "/json"), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"x\":[1,2]}");
      assertThat(http1.send(get(own, "/json?id=7&name=a"), HttpResponse.BodyHandlers.ofString()).body())
          .isEqualTo("{\"id\":\"7\",\"name\":\"a\"}");
      HttpResponse<String> teapot = http1.send(get(own, "/teapot"), HttpResponse.BodyHandlers.ofString());
      assertThat(teapot.statusCode()).isEqualTo(418);
      assertThat(teapot.body()).isEqualTo("tea");
    }
  }

  @Test
  void logsInWithJsonAndAcceptsTheToken() throws Exception {
    HttpRequest login =
        HttpRequest.newBuilder(server.uri("/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"x\"}"))
            .build();
    assertThat(http1.send(login, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"token\":\"token-alice\"}");
    HttpRequest me = HttpRequest.newBuilder(server.uri("/me")).header("Authorization", "Bearer token-alice").build();
    assertThat(http1.send(me, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"user\":\"alice\"}");
    assertThat(http1.send(get(server, "/me"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(http1.send(get(server, "/login"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
  }

  @Test
  void delaysTheResponse() throws Exception {
    long start = System.nanoTime();
    http1.send(get(server, "/delay?ms=100"), HttpResponse.BodyHandlers.ofString());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void sendsSlowBodyHeadersBeforeTheBody() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("GET /slowbody?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      InputStream in = socket.getInputStream();
      String head = readUntil(in, "\r\n\r\n");
      long headersNanos = System.nanoTime() - start;
      byte[] body = in.readNBytes(11);
      long bodyNanos = System.nanoTime() - start;
      assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Length: 11");
      assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("{\"ok\":true}");
      assertThat(Duration.ofNanos(headersNanos)).isLessThan(Duration.ofMillis(250));
      assertThat(Duration.ofNanos(bodyNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void closesTheConnectionWithoutAResponse() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("GET /close HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void closesIdleConnectionsAfterTheIdleTimeout() throws Exception {
    try (TargetServer own = TargetServer.builder().idleTimeout(Duration.ofMillis(100)).start();
        Socket socket = new Socket(TargetServer.HOST, own.port())) {
      socket.setSoTimeout(5_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void stallsEveryResponse() throws Exception {
    try (TargetServer own = TargetServer.builder().stall(Duration.ofMillis(80)).start()) {
      long start = System.nanoTime();
      http1.send(get(own, "/fast"), HttpResponse.BodyHandlers.ofString());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
    }
  }

  @Test
  void refusedPortRefusesConnections() {
    assertThatThrownBy(() -> new Socket(TargetServer.HOST, TargetServer.refusedPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  private static HttpRequest get(TargetServer target, String path) {
    return HttpRequest.newBuilder(target.uri(path)).build();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket(TargetServer.HOST, server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static String readUntil(InputStream in, String end) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!out.toString(StandardCharsets.US_ASCII).endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      out.write(b);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
