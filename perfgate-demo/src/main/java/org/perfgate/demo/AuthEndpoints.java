package org.perfgate.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/login}, {@code POST /api/refresh}, and the bearer-token check of other
 * endpoints.
 */
final class AuthEndpoints {
  private static final byte[] PASSWORD = Defaults.PASSWORD.getBytes(StandardCharsets.UTF_8);

  private final TokenStore tokens;

  AuthEndpoints(TokenStore tokens) {
    this.tokens = tokens;
  }

  /** {@code {"user":"..","password":"secret"}} → 200 with a token; a wrong password → 401. */
  Response login(HttpExchange exchange) throws IOException {
    Map<String, String> fields = FlatJson.parseObject(Exchanges.body(exchange));
    String user = requiredField(fields, "user");
    String password = requiredField(fields, "password");
    if (user.isBlank()) {
      throw RequestRejected.badRequest("\"user\" must not be blank");
    }
    // Constant-time comparison, as a real service would do.
    if (!MessageDigest.isEqual(PASSWORD, password.getBytes(StandardCharsets.UTF_8))) {
      return Response.unauthorized("wrong user or password");
    }
    return tokenResponse(tokens.issue(user));
  }

  /** {@code Authorization: Bearer <valid or recently expired token>} → 200 with a new token. */
  Response refresh(HttpExchange exchange) {
    Optional<String> token = Exchanges.bearerToken(exchange);
    if (token.isEmpty()) {
      return Response.unauthorized("missing bearer token");
    }
    Optional<TokenStore.IssuedToken> refreshed = tokens.refresh(token.get());
    if (refreshed.isEmpty()) {
      return Response.unauthorized("token unknown, already refreshed or expired too long ago");
    }
    return tokenResponse(refreshed.get());
  }

  /** Empty when the request carries a valid bearer token; else the 401 to answer with. */
  Optional<Response> rejectUnlessAuthorized(HttpExchange exchange) {
    Optional<String> token = Exchanges.bearerToken(exchange);
    if (token.isEmpty()) {
      return Optional.of(Response.unauthorized("missing bearer token"));
    }
    return switch (tokens.validity(token.get())) {
      case VALID -> Optional.empty();
      case EXPIRED -> Optional.of(Response.unauthorized("token expired; refresh it"));
      case UNKNOWN -> Optional.of(Response.unauthorized("invalid token"));
    };
  }

  static String requiredField(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw RequestRejected.badRequest("missing string field \"" + name + "\"");
    }
    return value;
  }

  private static Response tokenResponse(TokenStore.IssuedToken issued) {
    return Response.json(
        200,
        "{\"token\":\"" + issued.token() + "\",\"expiresInMs\":" + issued.expiresInMillis() + "}");
  }
}
