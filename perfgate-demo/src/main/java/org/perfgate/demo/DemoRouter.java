package org.perfgate.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one handler of the demo service: counts the request, routes it by exact path, answers {@link
 * RequestRejected} with its status and turns anything unexpected into a 500 (logged once, as it is
 * a bug), so that a load test sees a status rather than a dropped connection.
 */
final class DemoRouter implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(DemoRouter.class.getName());
  private static final String ITEM_PREFIX = "/api/items/";
  private static final Response FAST = Response.json(200, "{\"ok\":true}");
  private static final Response HEALTH = Response.json(200, "{\"status\":\"up\"}");
  private static final Response NOT_FOUND = Response.error(404, "no such endpoint");
  private static final Response GET_ONLY = Response.methodNotAllowed("GET");
  private static final Response POST_ONLY = Response.methodNotAllowed("POST");

  private final AuthEndpoints auth;
  private final ItemEndpoints items;
  private final LongAdder requests = new LongAdder();

  DemoRouter(AuthEndpoints auth, ItemEndpoints items) {
    this.auth = auth;
    this.items = items;
  }

  long requestCount() {
    return requests.sum();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    requests.increment();
    Response response;
    try {
      response = route(exchange);
    } catch (RequestRejected e) {
      response = Response.error(e.status(), e.getMessage());
    } catch (InterruptedException e) {
      // Only close() interrupts a handler (a sleeping /api/delay): the service is stopping, so
      // end the exchange without an answer and let the thread finish.
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "demo service bug on " + exchange.getRequestURI(), e);
      response = Response.error(500, "internal error: " + e);
    }
    Exchanges.send(exchange, response);
  }

  private Response route(HttpExchange exchange) throws IOException, InterruptedException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    return switch (path) {
      case "/api/fast" -> method.equals("GET") ? FAST : GET_ONLY;
      case "/api/delay" -> method.equals("GET") ? delay(exchange) : GET_ONLY;
      case "/api/login" -> method.equals("POST") ? auth.login(exchange) : POST_ONLY;
      case "/api/refresh" -> method.equals("POST") ? auth.refresh(exchange) : POST_ONLY;
      case "/api/items" -> items.collection(exchange);
      case "/health" -> method.equals("GET") ? HEALTH : GET_ONLY;
      default ->
          path.startsWith(ITEM_PREFIX)
              ? items.single(exchange, path.substring(ITEM_PREFIX.length()))
              : NOT_FOUND;
    };
  }

  /**
   * {@code GET /api/delay?ms=N}. The server runs each exchange on a virtual thread, so this sleep
   * parks only that virtual thread and frees its carrier: thousands of concurrent delays cost no
   * platform threads.
   */
  private static Response delay(HttpExchange exchange) throws InterruptedException {
    int millis =
        Exchanges.intParameter(exchange, "ms", Defaults.DELAY_MILLIS, 0, Defaults.MAX_DELAY_MILLIS);
    if (millis > 0) {
      Thread.sleep(millis);
    }
    return Response.json(200, "{\"delayedMs\":" + millis + "}");
  }
}
