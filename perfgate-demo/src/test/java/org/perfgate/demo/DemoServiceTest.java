package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoServiceTest {
  private final DemoService demo = DemoService.start();
  private final DemoClient client = new DemoClient(demo);

  @AfterEach
  void stop() {
    client.close();
    demo.close();
  }

  @Test
  void listensOnLoopbackAtAFreePort() {
    assertThat(demo.port()).isPositive();
    assertThat(demo.baseUri()).hasToString("http://127.0.0.1:" + demo.port());
  }

  @Test
  void startsOnTheGivenAddress() throws Exception {
    try (DemoService other =
            DemoService.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DemoClient otherClient = new DemoClient(other)) {
      assertThat(other.port()).isNotEqualTo(demo.port());
      assertThat(otherClient.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void failsToStartOnAPortInUse() {
    assertThatThrownBy(
            () ->
                DemoService.start(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), demo.port())))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot start the demo service");
  }

  @Test
  void fastAnswersOkAsJson() throws Exception {
    HttpResponse<String> response = client.get("/api/fast");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("11");
  }

  @Test
  void healthReportsUp() throws Exception {
    HttpResponse<String> response = client.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
  }

  @Test
  void delayWaitsTheRequestedMillis() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = client.get("/api/delay?ms=30");

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(30));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"delayedMs\":30}");
  }

  @Test
  void delayDefaultsToFiftyMillis() throws Exception {
    assertThat(client.get("/api/delay").body()).isEqualTo("{\"delayedMs\":50}");
  }

  @Test
  void delayOfZeroAnswersAtOnce() throws Exception {
    assertThat(client.get("/api/delay?other=1&ms=0").body()).isEqualTo("{\"delayedMs\":0}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms=abc", "ms=-1", "ms=10001", "ms=", "ms=1.5", "ms=%31%32x"})
  void delayRejectsMillisThatAreNotAnIntegerFromZeroToTenThousand(String query) throws Exception {
    HttpResponse<String> response = client.get("/api/delay?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void malformedRequestUriIsABadRequest() throws Exception {
    // The JDK server answers this one itself (and closes the connection), before any handler.
    try (RawHttpConnection connection = new RawHttpConnection(demo)) {
      assertThat(connection.exchange("GET", "/api/delay?ms=%zz", "").status()).isEqualTo(400);
    }
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    HttpResponse<String> response = client.get("/api/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"no such endpoint\"}");
  }

  @Test
  void wrongMethodIsNotAllowedAndNamesTheAllowedOnes() throws Exception {
    HttpResponse<String> response = client.post("/api/fast", "");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    assertThat(client.get("/api/login").headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void countsEveryRequestWhateverItsOutcome() throws Exception {
    client.get("/api/fast");
    client.get("/api/nothing");
    client.get("/api/delay?ms=bad");

    assertThat(demo.requestCount()).isEqualTo(3);
  }

  @Test
  void keepsTheConnectionAliveAcrossRequestsWithContentLengthSet() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(demo)) {
      var fast = connection.exchange("GET", "/api/fast", "");
      var login =
          connection.exchange("POST", "/api/login", "{\"user\":\"a\",\"password\":\"secret\"}");
      var missing = connection.exchange("GET", "/nothing", "");
      var health = connection.exchange("GET", "/health", "");

      assertThat(fast.status()).isEqualTo(200);
      assertThat(fast.headers()).containsEntry("content-length", "11");
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.headers())
          .containsEntry("content-length", String.valueOf(login.body().length()));
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.headers()).containsKey("content-length");
      assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
      assertThat(health.headers()).doesNotContainEntry("connection", "close");
    }
  }

  @Test
  void keepsTheConnectionAliveAfterANoContentResponse() throws Exception {
    String token = client.login();
    long id = client.create("x", token);
    try (RawHttpConnection connection = new RawHttpConnection(demo)) {
      var deleted =
          connection.exchange("DELETE", "/api/items/" + id, "", "Authorization: Bearer " + token);
      var next = connection.exchange("GET", "/api/fast", "");

      assertThat(deleted.status()).isEqualTo(204);
      assertThat(deleted.body()).isEmpty();
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("{\"ok\":true}");
    }
  }

  @Test
  void closeReturnsQuicklyEvenWithALongDelayInFlight() throws Exception {
    CompletableFuture<HttpResponse<String>> inFlight =
        client
            .http()
            .sendAsync(
                client.request("/api/delay?ms=10000", "").build(),
                HttpResponse.BodyHandlers.ofString());
    awaitRequests(1);

    long start = System.nanoTime();
    demo.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(inFlight).failsWithin(Duration.ofSeconds(2));
    assertThatThrownBy(() -> new Socket(demo.baseUri().getHost(), demo.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void closeTwiceIsHarmless() {
    demo.close();
    demo.close();
  }

  private void awaitRequests(long count) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (demo.requestCount() < count) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the request never reached the demo service");
      }
      Thread.sleep(5);
    }
  }
}
