package org.perfgate.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real HTTP server on 127.0.0.1 for protocol and engine tests: HTTP/1.1 keep-alive and h2c
 * (prior knowledge and the HTTP/1.1 {@code Upgrade: h2c} path) on one free port.
 *
 * <p>Endpoints: {@code /fast} ({@code {"ok":true}}), {@code /bytes?n=100[&chunked=true]} (n bytes
 * of {@code a..z}, chunked on HTTP/1.1 when asked), {@code /delay?ms=N}, {@code /status?code=N},
 * {@code /echo} (method, protocol, path, query, headers and body as JSON), {@code /json} (the
 * builder's document, or the query parameters as a JSON object), {@code /login} (POST {@code
 * {"username":"u"}} → {@code {"token":"token-u"}}), {@code /me} (needs {@code Authorization: Bearer
 * token-u}), {@code /slowbody?ms=N} (headers now, body after N ms), {@code /close} (closes the
 * connection without a response), plus routes added with {@link Builder#route}. Handlers run on
 * virtual threads, so slow endpoints cost no platform thread.
 *
 * <p>Thread-safe. Example: {@code try (var server = TargetServer.start()) { get(server.uri("/fast")); }}
 */
public final class TargetServer implements AutoCloseable {
  /** The address the server binds, and the host of {@link #uri}. */
  public static final String HOST = "127.0.0.1";

  private final Server server;
  private final ServerConnector connector;
  private final ExecutorService handlerThreads;
  private final Counters counters;
  private final AtomicLong connections;

  private TargetServer(Builder builder) {
    counters = new Counters();
    connections = new AtomicLong();
    handlerThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("target-", 0).factory());
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("target-server");
    threads.setVirtualThreadsExecutor(handlerThreads);
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    connector =
        new CountingConnector(
            server, connections, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
    connector.setHost(HOST);
    connector.setPort(0);
    connector.setIdleTimeout(builder.idleTimeout.toMillis());
    server.addConnector(connector);
    server.setHandler(new Endpoints(counters, builder.stall, builder.json, Map.copyOf(builder.routes)));
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("target server did not start on " + HOST, e);
    }
  }

  /** Starts a server with the default settings on a free port. */
  public static TargetServer start() {
    return builder().start();
  }

  /** A builder for a server with a stall, an idle timeout, a {@code /json} document or routes. */
  public static Builder builder() {
    return new Builder();
  }

  /** The TCP port the server listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://127.0.0.1:port} + {@code pathAndQuery}, e.g. {@code uri("/delay?ms=50")}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://" + HOST + ":" + port() + pathAndQuery);
  }

  /** Requests received since start or the last {@link #resetCounts()}, all paths and protocols. */
  public long requestCount() {
    return counters.total();
  }

  /** Requests received for {@code path} (without query), e.g. {@code requestCount("/fast")}. */
  public long requestCount(String path) {
    return counters.forPath(path);
  }

  /** Requests that arrived over HTTP/2 (h2c), whatever the path. */
  public long http2RequestCount() {
    return counters.http2();
  }

  /** TCP connections the server accepted since start or the last {@link #resetCounts()}. */
  public long connectionCount() {
    return connections.get();
  }

  /** Sets every counter back to zero. */
  public void resetCounts() {
    counters.reset();
    connections.set(0);
  }

  /**
   * A port on 127.0.0.1 that refuses connections: it was free a moment ago and nothing listens on
   * it (another process could take it meanwhile; good enough for tests).
   */
  public static int refusedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  /** Stops the server and its handler threads (a sleeping {@code /delay} is interrupted). */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("target server on port " + connector.getLocalPort() + " did not stop", e);
    } finally {
      handlerThreads.shutdownNow();
    }
  }

  /** Builds a {@link TargetServer}; not thread-safe. */
  public static final class Builder {
    private Duration stall = Duration.ZERO;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private String json = "{\"id\":42,\"name\":\"perfgate\",\"items\":[{\"id\":1},{\"id\":2}],\"nested\":{\"token\":\"abc\"}}";
    private final Map<String, Route> routes = new LinkedHashMap<>();

    private Builder() {}

    /** Every response waits this long before it is written (default none). */
    public Builder stall(Duration stall) {
      this.stall = requireNonNegative(stall, "stall");
      return this;
    }

    /** The server closes connections idle for this long (default 30 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = requireNonNegative(idleTimeout, "idleTimeout");
      return this;
    }

    /** The document {@code /json} returns when it has no query parameters. */
    public Builder json(String document) {
      this.json = Objects.requireNonNull(document, "document");
      return this;
    }

    /** {@code path} answers every method with {@code status}, {@code contentType} and {@code body}. */
    public Builder route(String path, int status, String contentType, String body) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("route path must start with '/', got: " + path);
      }
      routes.put(path, new Route(status, contentType, body));
      return this;
    }

    /** Starts the server on a free port of 127.0.0.1. */
    public TargetServer start() {
      return new TargetServer(this);
    }

    private static Duration requireNonNegative(Duration duration, String name) {
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be >= 0, got: " + duration);
      }
      return duration;
    }
  }

  /** A fixed response added with {@link Builder#route}. */
  record Route(int status, String contentType, String body) {}

  /** Counts accepted TCP connections (an h2c upgrade stays one connection). */
  private static final class CountingConnector extends ServerConnector {
    private final AtomicLong connections;

    CountingConnector(
        Server server, AtomicLong connections, org.eclipse.jetty.server.ConnectionFactory... factories) {
      super(server, factories);
      this.connections = connections;
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(
        SocketChannel channel, ManagedSelector selector, SelectionKey key) throws IOException {
      connections.incrementAndGet();
      return super.newEndPoint(channel, selector, key);
    }
  }
}
