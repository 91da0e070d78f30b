package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A java.net.http client for one demo service, with shortcuts for its endpoints. */
final class DemoClient implements AutoCloseable {
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([0-9a-f]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  DemoClient(DemoService demo) {
    this.base = demo.baseUri();
  }

  HttpClient http() {
    return http;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path, "").GET());
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return post(path, body, "");
  }

  HttpResponse<String> post(String path, String body, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String path, String body, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).DELETE());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in as alice and returns the token. */
  String login() throws IOException, InterruptedException {
    HttpResponse<String> response =
        post("/api/login", "{\"user\":\"alice\",\"password\":\"secret\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    return token(response);
  }

  /** Creates an item and returns its id. */
  long create(String name, String token) throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/items", "{\"name\":\"" + name + "\"}", token);
    assertThat(response.statusCode()).isEqualTo(201);
    Matcher matcher = ID.matcher(response.body());
    assertThat(matcher.find()).as("id in %s", response.body()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  static String token(HttpResponse<String> response) {
    Matcher matcher = TOKEN.matcher(response.body());
    assertThat(matcher.find()).as("token in %s", response.body()).isTrue();
    return matcher.group(1);
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
    if (!token.isEmpty()) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  @Override
  public void close() {
    // shutdownNow, not close: close() would wait for requests a test left in flight.
    http.shutdownNow();
  }
}
