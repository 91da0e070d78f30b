package org.perfgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;

/**
 * A VU's state over the JDK {@link HttpClient} (h2c, or HTTP/1.1 as a benchmark peer). What the JDK
 * client cannot tell is approximated: connecting and sending are 0 (waiting runs from the call to
 * the response headers, receiving is the body), bytes are counted from the uncompressed head
 * (HPACK and framing are invisible), the request timeout bounds the wait for the headers only.
 */
final class JdkHttpConnection implements HttpConnection {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final List<String> RESTRICTED = List.of("host", "connection", "content-length", "expect", "upgrade");

  private final HttpClient client;
  private final boolean ownsClient;
  private final Duration requestTimeout;
  private final BodyBuffer body;
  private final byte[] chunk = new byte[16 * 1024];

  JdkHttpConnection(HttpClient client, boolean ownsClient, HttpClientOptions options) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.requestTimeout = options.requestTimeout();
    this.body = new BodyBuffer(options.maxBodyBytes());
  }

  /** A client for one VU (or for all, when shared) with the options' connect timeout. */
  static HttpClient newClient(HttpClient.Version version, HttpClientOptions options) {
    return HttpClient.newBuilder()
        .version(version)
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public void execute(HttpExchange exchange) {
    URI uri = exchange.uri();
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      long now = System.nanoTime();
      exchange.times(now, now);
      exchange.fail(FailureReason.PROTOCOL_ERROR, "only http:// URLs are supported (cleartext), got " + uri);
      return;
    }
    HttpRequest request;
    long sent = 0;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
      List<String> headers = exchange.requestHeaders();
      sent += exchange.method().length() + uri.getRawPath().length() + 12;
      for (int i = 0; i < headers.size(); i += 2) {
        String name = headers.get(i);
        if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          builder.header(name, headers.get(i + 1));
          sent += name.length() + headers.get(i + 1).length() + 4;
        }
      }
      builder.header("User-Agent", "perfgate/0.1");
      byte[] requestBody = exchange.requestBody();
      builder.method(
          exchange.method(),
          requestBody.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(requestBody));
      sent += 2 + requestBody.length;
      request = builder.build();
    } catch (IllegalArgumentException e) {
      long now = System.nanoTime();
      exchange.times(now, now);
      exchange.fail(FailureReason.PROTOCOL_ERROR, "request rejected by the JDK client: " + e.getMessage());
      return;
    }
    body.clear();
    long start = System.nanoTime();
    long headersAt = 0;
    long received = 0;
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      headersAt = System.nanoTime();
      exchange.status(response.statusCode());
      received += 15 + copyHeaders(response.headers(), exchange);
      try (InputStream in = response.body()) {
        for (int count; (count = in.read(chunk)) >= 0; ) {
          body.append(chunk, 0, count);
          received += count;
        }
      }
      long end = System.nanoTime();
      exchange.responseBody(body.bytes(), body.length());
      exchange.times(start, end);
      exchange.phases(0, 0, 0, headersAt - start, end - headersAt);
      exchange.bytes(sent, received);
    } catch (IOException e) {
      failed(exchange, start, headersAt, sent, received, Failures.ofExchange(e), Failures.detail(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the VU is being stopped: keep the flag for the engine
      failed(exchange, start, headersAt, sent, received, FailureReason.OTHER_IO_ERROR, "interrupted");
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.shutdownNow();
    }
  }

  private static long copyHeaders(HttpHeaders headers, HttpExchange exchange) {
    long bytes = 0;
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      String name = header.getKey();
      if (name.startsWith(":")) {
        continue; // HTTP/2 pseudo-headers such as :status
      }
      for (String value : header.getValue()) {
        exchange.addResponseHeader(name, value);
        bytes += name.length() + value.length() + 4;
      }
    }
    return bytes;
  }

  private static void failed(
      HttpExchange exchange, long start, long headersAt, long sent, long received, FailureReason reason, String detail) {
    long end = System.nanoTime();
    exchange.times(start, end);
    if (headersAt == 0) {
      exchange.phases(0, 0, 0, end - start, 0);
    } else {
      exchange.phases(0, 0, 0, headersAt - start, end - headersAt);
    }
    exchange.bytes(headersAt == 0 ? 0 : sent, received);
    exchange.fail(reason, detail);
  }
}
