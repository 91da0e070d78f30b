package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthEndpointsTest {
  private final AtomicLong nowMillis = new AtomicLong(1_000_000);
  private final DemoService demo =
      DemoService.builder()
          .clock(() -> Instant.ofEpochMilli(nowMillis.get()))
          .tokenTtl(Duration.ofMillis(500))
          .refreshGrace(Duration.ofSeconds(1))
          .start();
  private final DemoClient client = new DemoClient(demo);

  @AfterEach
  void stop() {
    client.close();
    demo.close();
  }

  @Test
  void loginWithTheRightPasswordReturnsATokenAndItsLifetime() throws Exception {
    HttpResponse<String> response =
        client.post("/api/login", "{ \"user\" : \"alice\", \"password\" : \"secret\" }");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).matches("\\{\"token\":\"[0-9a-f]{32}\",\"expiresInMs\":500}");
  }

  @Test
  void tokensLiveTwoSecondsByDefault() throws Exception {
    try (DemoService defaults = DemoService.start();
        DemoClient defaultsClient = new DemoClient(defaults)) {
      HttpResponse<String> response =
          defaultsClient.post("/api/login", "{\"user\":\"bob\",\"password\":\"secret\"}");

      assertThat(response.body()).endsWith(",\"expiresInMs\":2000}");
    }
  }

  @Test
  void everyLoginGetsADifferentToken() throws Exception {
    assertThat(client.login()).isNotEqualTo(client.login());
  }

  @Test
  void loginWithAWrongPasswordIsUnauthorized() throws Exception {
    HttpResponse<String> response =
        client.post("/api/login", "{\"user\":\"alice\",\"password\":\"guess\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"wrong user or password\"}");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"user\":\"alice\"}",
        "{\"user\":\"  \",\"password\":\"secret\"}",
        "{\"user\":\"alice\",\"password\":42}",
        "{\"user\":{\"name\":\"alice\"},\"password\":\"secret\"}",
        "{\"user\":\"alice\",\"password\":\"secret\"} trailing",
        "[\"alice\",\"secret\"]"
      })
  void loginRejectsBadBodiesWithBadRequest(String body) throws Exception {
    HttpResponse<String> response = client.post("/api/login", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"");
  }

  @Test
  void loginRejectsBodiesOverSixteenKibibytes() throws Exception {
    String body = "{\"user\":\"" + "a".repeat(20_000) + "\",\"password\":\"secret\"}";

    assertThat(client.post("/api/login", body).statusCode()).isEqualTo(413);
  }

  @Test
  void itemsNeedABearerToken() throws Exception {
    HttpResponse<String> response = client.get("/api/items");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"missing bearer token\"}");
    assertThat(client.get("/api/items", "0123").body()).isEqualTo("{\"error\":\"invalid token\"}");
    assertThat(
            client
                .send(client.request("/api/items", "").header("Authorization", "Basic YTpi"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void tokenIsValidUntilItsTtlHasPassed() throws Exception {
    String token = client.login();

    nowMillis.addAndGet(499);
    assertThat(client.get("/api/items", token).statusCode()).isEqualTo(200);

    nowMillis.addAndGet(1);
    HttpResponse<String> expired = client.get("/api/items", token);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).isEqualTo("{\"error\":\"token expired; refresh it\"}");
  }

  @Test
  void refreshReplacesAValidTokenWithANewOne() throws Exception {
    String token = client.login();

    HttpResponse<String> refreshed = client.post("/api/refresh", "", token);

    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(refreshed.body()).endsWith(",\"expiresInMs\":500}");
    String newToken = DemoClient.token(refreshed);
    assertThat(newToken).isNotEqualTo(token);
    assertThat(client.get("/api/items", newToken).statusCode()).isEqualTo(200);
    assertThat(client.get("/api/items", token).statusCode())
        .as("the old token is revoked")
        .isEqualTo(401);
  }

  @Test
  void refreshAcceptsATokenExpiredWithinTheGracePeriod() throws Exception {
    String token = client.login();
    nowMillis.addAndGet(500 + 999);

    HttpResponse<String> refreshed = client.post("/api/refresh", "", token);

    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(client.get("/api/items", DemoClient.token(refreshed)).statusCode()).isEqualTo(200);
  }

  @Test
  void refreshRejectsATokenExpiredBeyondTheGracePeriod() throws Exception {
    String token = client.login();
    nowMillis.addAndGet(500 + 1000);

    assertThat(client.post("/api/refresh", "", token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenRefreshesOnlyOnce() throws Exception {
    String token = client.login();

    assertThat(client.post("/api/refresh", "", token).statusCode()).isEqualTo(200);
    assertThat(client.post("/api/refresh", "", token).statusCode()).isEqualTo(401);
  }

  @Test
  void refreshWithoutATokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = client.post("/api/refresh", "");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"missing bearer token\"}");
  }
}
