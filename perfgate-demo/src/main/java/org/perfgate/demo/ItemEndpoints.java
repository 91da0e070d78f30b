package org.perfgate.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/items} (GET lists newest first, POST creates) and {@code /api/items/{id}} (GET, PUT,
 * DELETE). Every operation needs a valid bearer token.
 */
final class ItemEndpoints {
  private static final Response NOT_FOUND = Response.error(404, "no such item");

  private final AuthEndpoints auth;
  private final ItemStore items;

  ItemEndpoints(AuthEndpoints auth, ItemStore items) {
    this.auth = auth;
    this.items = items;
  }

  /** {@code /api/items}. */
  Response collection(HttpExchange exchange) throws IOException {
    Optional<Response> rejection = auth.rejectUnlessAuthorized(exchange);
    if (rejection.isPresent()) {
      return rejection.get();
    }
    return switch (exchange.getRequestMethod()) {
      case "GET" -> list(exchange);
      case "POST" -> Response.json(201, json(items.create(name(exchange))));
      default -> Response.methodNotAllowed("GET, POST");
    };
  }

  /** {@code /api/items/{idText}}. */
  Response single(HttpExchange exchange, String idText) throws IOException {
    Optional<Response> rejection = auth.rejectUnlessAuthorized(exchange);
    if (rejection.isPresent()) {
      return rejection.get();
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("PUT") && !method.equals("DELETE")) {
      return Response.methodNotAllowed("GET, PUT, DELETE");
    }
    long id = id(idText);
    return switch (method) {
      case "GET" -> items.find(id).map(item -> Response.json(200, json(item))).orElse(NOT_FOUND);
      case "PUT" -> {
        String name = name(exchange);
        yield items.update(id, name).map(item -> Response.json(200, json(item))).orElse(NOT_FOUND);
      }
      default -> items.delete(id) ? Response.noContent() : NOT_FOUND;
    };
  }

  private Response list(HttpExchange exchange) {
    int limit =
        Exchanges.intParameter(exchange, "limit", Defaults.LIST_LIMIT, 1, Defaults.MAX_LIST_LIMIT);
    List<ItemStore.Item> newest = items.newest(limit);
    StringBuilder json = new StringBuilder(32 + newest.size() * 32).append("{\"items\":[");
    for (int i = 0; i < newest.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(json(newest.get(i)));
    }
    return Response.json(
        200, json.append("],\"count\":").append(newest.size()).append('}').toString());
  }

  private static String name(HttpExchange exchange) throws IOException {
    String name =
        AuthEndpoints.requiredField(FlatJson.parseObject(Exchanges.body(exchange)), "name");
    if (name.isBlank() || name.length() > Defaults.MAX_NAME_LENGTH) {
      throw RequestRejected.badRequest(
          "\"name\" must be 1 to " + Defaults.MAX_NAME_LENGTH + " chars and not blank");
    }
    return name;
  }

  private static long id(String text) {
    // Digits only: Long.parseLong alone would also take "+1" and "-1".
    boolean digits = !text.isEmpty() && text.length() <= 18;
    for (int i = 0; digits && i < text.length(); i++) {
      digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
    if (!digits) {
      throw RequestRejected.badRequest(
          "item id must be a positive integer, was " + FlatJson.quote(text));
    }
    return Long.parseLong(text);
  }

  private static String json(ItemStore.Item item) {
    return "{\"id\":" + item.id() + ",\"name\":" + FlatJson.quote(item.name()) + "}";
  }
}
