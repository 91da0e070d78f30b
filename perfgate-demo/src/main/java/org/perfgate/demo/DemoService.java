package org.perfgate.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo service that {@code perfgate demo} starts in-process and load-tests with {@link
 * #samplePlan()}: a small JSON API over HTTP/1.1 with keep-alive.
 *
 * <ul>
 *   <li>{@code GET /api/fast} → {@code {"ok":true}}
 *   <li>{@code GET /health} → {@code {"status":"up"}}
 *   <li>{@code GET /api/delay?ms=N} (0..10000, default 50) → {@code {"delayedMs":N}} after N ms
 *   <li>{@code POST /api/login} with {@code {"user":"..","password":"secret"}} → {@code
 *       {"token":"..","expiresInMs":2000}}; any other password → 401
 *   <li>{@code POST /api/refresh} with {@code Authorization: Bearer <token>} (valid, or expired
 *       within the grace period; each token refreshes once) → a new token
 *   <li>{@code /api/items} (GET {@code ?limit=N} newest first, POST {@code {"name":".."}} → 201)
 *       and {@code /api/items/{id}} (GET, PUT {@code {"name":".."}}, DELETE → 204), all needing a
 *       valid bearer token (else 401); the store keeps the newest 10,000 items
 * </ul>
 *
 * <p>Errors are {@code {"error":".."}} with 400 (bad input), 401, 404, 405 or 413. Thread-safe;
 * each exchange runs on its own virtual thread. Example:
 *
 * <pre>{@code
 * try (DemoService demo = DemoService.start()) {
 *   URI fast = demo.baseUri().resolve("/api/fast");
 * }
 * }</pre>
 */
public final class DemoService implements AutoCloseable {
  /** The classpath resource holding {@link #samplePlan()}. */
  public static final String SAMPLE_PLAN_RESOURCE = "org/perfgate/demo/demo-plan.yaml";

  private static final int BACKLOG = 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final DemoRouter router;
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoService(HttpServer server, ExecutorService executor, DemoRouter router) {
    this.server = server;
    this.executor = executor;
    this.router = router;
    this.baseUri = baseUri(server.getAddress());
  }

  /** Starts the service on 127.0.0.1 and a free port, with the defaults. */
  public static DemoService start() {
    return builder().start();
  }

  /** Starts the service on {@code address} (port 0: a free one), with the other defaults. */
  public static DemoService start(InetSocketAddress address) {
    return builder().address(address).start();
  }

  /** A builder to change the address, token lifetimes, store size or clock before starting. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the service listens, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The port the service listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests received since the start, whatever their outcome. */
  public long requestCount() {
    return router.requestCount();
  }

  /**
   * Stops listening, closes every connection and interrupts requests in progress (such as a long
   * {@code /api/delay}); returns within about a second. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      // Interrupted handlers finish at once; the bound only guards against a stuck socket write.
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The bundled sample plan (YAML, see {@code docs/plan-format.md}); it needs {@code BASE_URL}. */
  public static String samplePlan() {
    try (InputStream in =
        DemoService.class.getClassLoader().getResourceAsStream(SAMPLE_PLAN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource " + SAMPLE_PLAN_RESOURCE + " is missing from perfgate-demo");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SAMPLE_PLAN_RESOURCE, e);
    }
  }

  private static URI baseUri(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    String host;
    if (address.isAnyLocalAddress()) {
      // Bound to every interface: loopback is the address that surely reaches it.
      host = "127.0.0.1";
    } else if (address instanceof Inet6Address) {
      String text = address.getHostAddress();
      int scope = text.indexOf('%');
      host = "[" + (scope < 0 ? text : text.substring(0, scope)) + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }

  /** Settings of a {@link DemoService}; each setter returns this builder. Not thread-safe. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private Duration tokenTtl = Defaults.TOKEN_TTL;
    private Duration refreshGrace = Defaults.REFRESH_GRACE;
    private int maxItems = Defaults.MAX_ITEMS;
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /** Where to listen; port 0 picks a free port. Default: 127.0.0.1, port 0. */
    public Builder address(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** How long tokens are valid, at least 1 ms. Default: 2 s. */
    public Builder tokenTtl(Duration tokenTtl) {
      if (tokenTtl.toMillis() < 1) {
        throw new IllegalArgumentException("tokenTtl must be at least 1ms, was " + tokenTtl);
      }
      this.tokenTtl = tokenTtl;
      return this;
    }

    /** How long after expiry a token may still be refreshed, zero or more. Default: 10 s. */
    public Builder refreshGrace(Duration refreshGrace) {
      if (refreshGrace.isNegative()) {
        throw new IllegalArgumentException(
            "refreshGrace must not be negative, was " + refreshGrace);
      }
      this.refreshGrace = refreshGrace;
      return this;
    }

    /** How many items the store keeps before evicting the oldest, at least 1. Default: 10,000. */
    public Builder maxItems(int maxItems) {
      if (maxItems < 1) {
        throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
      }
      this.maxItems = maxItems;
      return this;
    }

    /**
     * The clock token expiry is measured with (tests pass a manual one). Default: the system clock.
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Binds and starts the service; {@link UncheckedIOException} if the address cannot be bound.
     */
    public DemoService start() {
      AuthEndpoints auth = new AuthEndpoints(new TokenStore(clock, tokenTtl, refreshGrace));
      DemoRouter router = new DemoRouter(auth, new ItemEndpoints(auth, new ItemStore(maxItems)));
      HttpServer server;
      try {
        server = HttpServer.create(address, BACKLOG);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the demo service on " + address, e);
      }
      ExecutorService executor =
          Executors.newThreadPerTaskExecutor(
              Thread.ofVirtual().name("perfgate-demo-", 0).factory());
      server.setExecutor(executor);
      server.createContext("/", router);
      server.start();
      return new DemoService(server, executor, router);
    }
  }
}
