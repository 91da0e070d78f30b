package org.perfgate.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server with known latency, for latency-truth tests and benchmarks: every request gets
 * {@code 200 ok} (2 bytes) when its {@link StallSchedule} says, whatever its method and path. One
 * virtual thread per keep-alive connection reads the requests, so thousands of requests can wait in a
 * stall at once; one timer thread writes every response at its due time ({@link #timings()} says how
 * precisely).
 * The JDK alone (no Jetty): the benchmarks start it as a process with only this module's classes
 * on the class path ({@code DelayServerMain} in this module's tests).
 *
 * <p>Thread-safe. Example: {@code try (var server = DelayServer.start(StallSchedule.fixed(1_000_000)))
 * { ... server.uri("/") ... }}
 */
public final class DelayServer implements AutoCloseable {
  private static final byte[] RESPONSE =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final StallSchedule schedule;
  private final ServerSocket listener;
  private final long startNanos;
  private final AtomicLong requests = new AtomicLong();
  private final NanoHistogram wokenLate = new NanoHistogram();
  private final NanoHistogram sentLate = new NanoHistogram();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final ResponseTimer timer;

  private DelayServer(StallSchedule schedule, int port) throws IOException {
    this.schedule = schedule;
    this.listener = new ServerSocket(port, 4096, InetAddress.getByName(TargetServer.HOST));
    this.timer = new ResponseTimer(wokenLate, sentLate); // after the listener: no thread left if it failed
    this.startNanos = System.nanoTime();
    this.acceptor = Thread.ofPlatform().name("delay-server-accept").daemon().start(this::accept);
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static DelayServer start(StallSchedule schedule) {
    return start(schedule, 0);
  }

  /** Starts a server on {@code port} of 127.0.0.1 (0: a free port). */
  public static DelayServer start(StallSchedule schedule, int port) {
    try {
      return new DelayServer(schedule, port);
    } catch (IOException e) {
      throw new UncheckedIOException("delay server did not start on " + TargetServer.HOST + ":" + port, e);
    }
  }

  /** The TCP port the server listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  public URI uri(String path) {
    return URI.create("http://" + TargetServer.HOST + ":" + port() + path);
  }

  /** {@code System.nanoTime()} when the stall schedule's time 0 was: stalls are relative to it. */
  public long startNanos() {
    return startNanos;
  }

  /** Requests answered or waiting, since start. */
  public long requestCount() {
    return requests.get();
  }

  /**
   * How late, after the time its {@link StallSchedule} set, each response's write started and
   * returned, for responses sent since start or the last {@link #resetTimings()}.
   */
  public Timings timings() {
    // sent before woken, the reverse of recording: every response counted as sent is counted as woken
    Percentiles sent = sentLate.snapshot();
    return new Timings(wokenLate.snapshot(), sent);
  }

  /** Forgets the timings recorded so far (e.g. a warm-up's). */
  public void resetTimings() {
    wokenLate.reset();
    sentLate.reset();
  }

  /** Count, p50, p90, p99 and max of a set of durations, in nanoseconds (1.6 % resolution). */
  public record Percentiles(long count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos) {}

  /**
   * The server's own view of its precision: {@code woken} how late after the due time the response's
   * write started, {@code sent} how late it returned.
   */
  public record Timings(Percentiles woken, Percentiles sent) {}

  /** Stops listening and closes every connection (waiting requests get no response). */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException("delay server on port " + port() + " did not close", e);
    } finally {
      for (Socket socket : open) {
        closeQuietly(socket);
      }
      acceptor.interrupt();
      timer.close();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        Thread.ofVirtual().name("delay-server-connection").start(() -> serve(socket));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          throw new UncheckedIOException("delay server accept failed", e);
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        RequestHead head = readHead(in);
        if (head == null) {
          return;
        }
        long arrival = System.nanoTime();
        requests.incrementAndGet();
        skip(in, head.contentLength());
        long due = startNanos + schedule.completionNanos(arrival - startNanos);
        // the timer writes the response at its due time (see ResponseTimer for why not parkNanos here)
        if (!ResponseTimer.awaitSent(timer.schedule(due, out, RESPONSE))) {
          return;
        }
        if (head.close()) {
          return;
        }
      }
    } catch (SocketException closed) {
      // the client or close() ended the connection: nothing to answer
    } catch (IOException e) {
      // a malformed request or a reset: this connection ends, the server goes on
    } finally {
      open.remove(socket);
    }
  }

  /** The request line and headers we need, or null at a clean end of stream. */
  private record RequestHead(long contentLength, boolean close) {}

  private static RequestHead readHead(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    long contentLength = 0;
    boolean close = false;
    boolean first = true;
    int total = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (first && line.isEmpty()) {
          return null;
        }
        throw new IOException("connection closed inside a request head");
      }
      if (++total > MAX_HEAD_BYTES) {
        throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      if (b != '\n') {
        if (b != '\r') {
          line.append((char) b);
        }
        continue;
      }
      if (line.isEmpty()) {
        if (first) {
          continue; // tolerate a stray CRLF between requests
        }
        return new RequestHead(contentLength, close);
      }
      if (!first) {
        String header = line.toString();
        int colon = header.indexOf(':');
        if (colon > 0) {
          String name = header.substring(0, colon).trim();
          String value = header.substring(colon + 1).trim();
          if (name.equalsIgnoreCase("content-length")) {
            contentLength = parseLength(value);
          } else if (name.equalsIgnoreCase("connection")) {
            close = value.equalsIgnoreCase("close");
          }
        }
      }
      first = false;
      line.setLength(0);
    }
  }

  private static long parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value);
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // reported below, as any other bad length
    }
    throw new IOException("bad Content-Length: " + value);
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed inside a request body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is best effort: the socket is gone either way
    }
  }
}
