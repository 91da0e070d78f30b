package org.perfgate.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The endpoints of {@link TargetServer}. Blocking code on purpose: Jetty runs blocking handlers on
 * the server's virtual threads, so {@code Thread.sleep} is the simplest correct delay.
 */
final class Endpoints extends Handler.Abstract {
  private static final String JSON = "application/json";
  private static final byte[] FAST = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_BYTES = 64 << 20;
  private static final Pattern USERNAME = Pattern.compile("\"username\"\\s*:\\s*\"([^\"]*)\"");

  private final Counters counters;
  private final Duration stall;
  private final String json;
  private final Map<String, TargetServer.Route> routes;

  Endpoints(Counters counters, Duration stall, String json, Map<String, TargetServer.Route> routes) {
    this.counters = counters;
    this.stall = stall;
    this.json = json;
    this.routes = routes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    counters.record(path, request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2);
    if (path.equals("/close")) {
      // No response at all: the client sees the connection end (EOF or reset).
      request.getConnectionMetaData().getConnection().getEndPoint().close();
      callback.succeeded();
      return true;
    }
    if (stall.isPositive()) {
      Thread.sleep(stall);
    }
    Fields query = Request.extractQueryParameters(request);
    try {
      route(path, query, request, response, callback);
    } catch (IllegalArgumentException e) {
      StringBuilder out = new StringBuilder("{");
      Json.quote(Json.name(out, "error"), e.getMessage());
      send(response, callback, 400, JSON, utf8(out.append('}').toString()));
    }
    return true;
  }

  private void route(String path, Fields query, Request request, Response response, Callback callback)
      throws Exception {
    switch (path) {
      case "/fast" -> send(response, callback, 200, JSON, FAST);
      case "/bytes" -> bytes(response, callback, intParam(query, "n", 100), "true".equals(query.getValue("chunked")));
      case "/delay" -> {
        int millis = intParam(query, "ms", 0);
        Thread.sleep(millis);
        send(response, callback, 200, JSON, utf8("{\"delayedMs\":" + millis + "}"));
      }
      case "/status" -> status(response, callback, intParam(query, "code", 200));
      case "/echo" -> send(response, callback, 200, JSON, utf8(echo(request, path)));
      case "/json" -> send(response, callback, 200, JSON, utf8(query.getSize() == 0 ? json : asObject(query)));
      case "/login" -> login(request, response, callback);
      case "/me" -> me(request, response, callback);
      case "/slowbody" -> slowBody(response, callback, intParam(query, "ms", 0));
      default -> {
        TargetServer.Route route = routes.get(path);
        if (route == null) {
          send(response, callback, 404, JSON, utf8("{\"error\":\"no endpoint " + path + "\"}"));
        } else {
          send(response, callback, route.status(), route.contentType(), utf8(route.body()));
        }
      }
    }
  }

  private static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static void bytes(Response response, Callback callback, int count, boolean chunked) throws Exception {
    if (count < 0 || count > MAX_BYTES) {
      send(response, callback, 400, JSON, utf8("{\"error\":\"n must be in [0, " + MAX_BYTES + "]\"}"));
      return;
    }
    byte[] body = new byte[count];
    for (int i = 0; i < count; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    if (!chunked) {
      send(response, callback, 200, "application/octet-stream", body);
      return;
    }
    // No Content-Length and several writes: Jetty uses chunked transfer coding on HTTP/1.1.
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
    int piece = Math.max(1, Math.min(8192, count / 3 + 1));
    for (int offset = 0; offset < count; offset += piece) {
      Content.Sink.write(response, false, ByteBuffer.wrap(body, offset, Math.min(piece, count - offset)));
    }
    response.write(true, ByteBuffer.allocate(0), callback);
  }

  private static void status(Response response, Callback callback, int code) {
    if (code < 200 || code > 599) {
      send(response, callback, 400, JSON, utf8("{\"error\":\"code must be in [200, 599]\"}"));
    } else if (code == 204 || code == 304) {
      response.setStatus(code);
      response.write(true, ByteBuffer.allocate(0), callback);
    } else {
      send(response, callback, code, JSON, utf8("{\"status\":" + code + "}"));
    }
  }

  private static String echo(Request request, String path) throws Exception {
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(256).append('{');
    Json.quote(Json.name(out, "method"), request.getMethod()).append(',');
    Json.quote(Json.name(out, "protocol"), request.getConnectionMetaData().getProtocol()).append(',');
    Json.quote(Json.name(out, "path"), path).append(',');
    String query = request.getHttpURI().getQuery();
    Json.quote(Json.name(out, "query"), query == null ? "" : query).append(',');
    Json.name(out, "headers").append('{');
    boolean first = true;
    for (HttpField field : request.getHeaders()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.quote(Json.name(out, field.getLowerCaseName()), field.getValue());
    }
    out.append("},");
    Json.quote(Json.name(out, "body"), body);
    return out.append('}').toString();
  }

  private static String asObject(Fields query) {
    StringBuilder out = new StringBuilder(64).append('{');
    boolean first = true;
    for (Fields.Field field : query) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.quote(Json.name(out, field.getName()), field.getValue());
    }
    return out.append('}').toString();
  }

  private static void login(Request request, Response response, Callback callback) throws Exception {
    if (!request.getMethod().equals("POST")) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      send(response, callback, 405, JSON, utf8("{\"error\":\"POST a JSON {\\\"username\\\":...}\"}"));
      return;
    }
    Matcher user = USERNAME.matcher(Content.Source.asString(request, StandardCharsets.UTF_8));
    if (!user.find()) {
      send(response, callback, 400, JSON, utf8("{\"error\":\"body must be JSON with a username\"}"));
      return;
    }
    StringBuilder out = new StringBuilder("{");
    Json.quote(Json.name(out, "token"), "token-" + user.group(1));
    send(response, callback, 200, JSON, utf8(out.append('}').toString()));
  }

  private static void me(Request request, Response response, Callback callback) {
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String prefix = "Bearer token-";
    if (authorization == null || !authorization.startsWith(prefix)) {
      send(response, callback, 401, JSON, utf8("{\"error\":\"unauthorized\"}"));
      return;
    }
    StringBuilder out = new StringBuilder("{");
    Json.quote(Json.name(out, "user"), authorization.substring(prefix.length()));
    send(response, callback, 200, JSON, utf8(out.append('}').toString()));
  }

  private static void slowBody(Response response, Callback callback, int millis) throws Exception {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, FAST.length);
    Content.Sink.write(response, false, ByteBuffer.allocate(0)); // commits and flushes the headers
    Thread.sleep(millis);
    response.write(true, ByteBuffer.wrap(FAST), callback);
  }

  private static int intParam(Fields query, String name, int fallback) {
    String value = query.getValue(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got: " + value, e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
