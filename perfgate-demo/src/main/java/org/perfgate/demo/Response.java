package org.perfgate.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response: status, JSON body (empty for 204) and headers besides Content-Type and
 * Content-Length. Constant responses are built once and shared, so their bytes are encoded once.
 */
record Response(int status, byte[] body, Map<String, String> headers) {
  private static final byte[] NO_BODY = new byte[0];

  Response {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  static Response json(int status, String json) {
    return new Response(status, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response noContent() {
    return new Response(204, NO_BODY, Map.of());
  }

  /** {@code {"error":"<message>"}} with the given status. */
  static Response error(int status, String message) {
    return json(status, errorJson(message));
  }

  /** 401 with {@code WWW-Authenticate: Bearer}, as RFC 6750 asks. */
  static Response unauthorized(String message) {
    return new Response(
        401,
        errorJson(message).getBytes(StandardCharsets.UTF_8),
        Map.of("WWW-Authenticate", "Bearer realm=\"perfgate-demo\""));
  }

  /** 405 naming the allowed methods, e.g. {@code "GET, POST"}. */
  static Response methodNotAllowed(String allowed) {
    return new Response(
        405,
        errorJson("method not allowed; use " + allowed).getBytes(StandardCharsets.UTF_8),
        Map.of("Allow", allowed));
  }

  private static String errorJson(String message) {
    return "{\"error\":" + FlatJson.quote(message) + "}";
  }
}
