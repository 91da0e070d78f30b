package org.perfgate.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Reading requests from and writing responses to an {@link HttpExchange}. */
final class Exchanges {
  private static final String BEARER = "Bearer ";

  private Exchanges() {}

  /**
   * The request body as UTF-8; {@link RequestRejected} (413) past {@link Defaults#MAX_BODY_BYTES}.
   */
  static String body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] bytes = in.readNBytes(Defaults.MAX_BODY_BYTES + 1);
    if (bytes.length > Defaults.MAX_BODY_BYTES) {
      throw new RequestRejected(
          413, "request body larger than " + Defaults.MAX_BODY_BYTES + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The token of an {@code Authorization: Bearer <token>} header, if there is one. */
  static Optional<String> bearerToken(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /**
   * Query parameter {@code name} as an int in [min, max], or {@code absent} when it is not given;
   * {@link RequestRejected} (400) when it is not such an int.
   */
  static int intParameter(HttpExchange exchange, String name, int absent, int min, int max) {
    Optional<String> text = queryParameter(exchange, name);
    if (text.isEmpty()) {
      return absent;
    }
    int value;
    try {
      value = Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw RequestRejected.badRequest(
          name + " must be an integer in [" + min + ", " + max + "], was " + quoted(text.get()));
    }
    if (value < min || value > max) {
      throw RequestRejected.badRequest(
          name + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /** The first value of query parameter {@code name}, URL-decoded. */
  static Optional<String> queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int equals = query.indexOf('=', start);
      int keyEnd = equals >= 0 && equals < end ? equals : end;
      if (decode(query.substring(start, keyEnd)).equals(name)) {
        return Optional.of(keyEnd == end ? "" : decode(query.substring(keyEnd + 1, end)));
      }
      start = end + 1;
    }
    return Optional.empty();
  }

  /**
   * Sends {@code response} and ends the exchange. Content-Length is always set (none for 204, which
   * must not have one), so HTTP/1.1 connections stay open for the next request.
   */
  static void send(HttpExchange exchange, Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    byte[] body = response.body();
    if (body.length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
    } else {
      headers.set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest("malformed query string: " + e.getMessage());
    }
  }

  private static String quoted(String text) {
    return FlatJson.quote(text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }
}
