package org.perfgate.http;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;

/**
 * One VU's HTTP/1.1 client state: one keep-alive {@link Http1Channel} per host:port (as k6) and the
 * body buffer all its responses share. Decides on reconnects and retries and turns exceptions into
 * failure values. The response body handed to the exchange is this connection's buffer: valid
 * until the VU's next {@link #execute}.
 */
final class Http1Connection implements HttpConnection {
  /**
   * Before reuse, a connection idle this long is probed (one non-blocking read) for a close by the
   * server. Requests that cannot be retried are probed whatever the idle time: a POST sent into a
   * closed connection would be lost. Idempotent ones rely on the retry below for short idle times.
   */
  static final long PROBE_AFTER_IDLE_NANOS = 1_000_000_000L;

  private final int connectTimeoutMillis;
  private final long requestTimeoutNanos;
  private final BodyBuffer body;
  private final boolean keepAlive;
  private final ConnectionSlots slots;
  private Http1Channel[] channels = new Http1Channel[2];
  private int channelCount;

  Http1Connection(HttpClientOptions options) {
    this(options, ConnectionSlots.PROCESS);
  }

  /** {@code slots}: where its connections take their slots (the process's, except in tests). */
  Http1Connection(HttpClientOptions options, ConnectionSlots slots) {
    this.slots = slots;
    this.connectTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
    this.requestTimeoutNanos = options.requestTimeout().toNanos();
    this.body = new BodyBuffer(options.maxBodyBytes());
    this.keepAlive = options.keepAlive();
  }

  @Override
  public void execute(HttpExchange exchange) {
    URI uri = exchange.uri();
    String unusable = Http1Rules.unusable(uri);
    if (unusable != null) {
      fail(exchange, 0, unusable);
      return;
    }
    Http1Channel channel = channelFor(uri.getHost(), Http1Rules.port(uri));
    boolean retryable = Http1Rules.isIdempotent(exchange.method());
    long connectingNanos = 0;
    long blockedNanos = 0; // waiting for a connection slot (ConnectionSlots), as k6's http_req_blocked
    for (int attempt = 0; ; attempt++) {
      long attemptStart = System.nanoTime();
      boolean reused = channel.isOpen();
      if (reused
          && (!retryable || attemptStart - channel.lastUsedNanos() > PROBE_AFTER_IDLE_NANOS)
          && channel.peerClosed()) {
        channel.close();
        reused = false;
      }
      if (!reused) {
        try {
          channel.connect(connectTimeoutMillis);
        } catch (IOException e) {
          long now = System.nanoTime();
          blockedNanos += channel.blockedNanos;
          exchange.times(now, now);
          exchange.phases(blockedNanos, connectingNanos + now - attemptStart - channel.blockedNanos, 0, 0, 0);
          exchange.fail(Failures.ofConnect(e), Failures.detail(e));
          return;
        }
        blockedNanos += channel.blockedNanos;
        connectingNanos += System.nanoTime() - attemptStart - channel.blockedNanos;
      }
      long start = System.nanoTime();
      try {
        channel.exchange(exchange, body, start, requestTimeoutNanos);
        long end = System.nanoTime();
        exchange.times(start, end);
        exchange.phases(
            blockedNanos, connectingNanos, channel.sentNanos - start, channel.firstByteNanos - channel.sentNanos,
            end - channel.firstByteNanos);
        exchange.bytes(channel.bytesSent, channel.bytesReceived);
        return;
      } catch (IOException e) {
        long end = System.nanoTime();
        channel.close();
        FailureReason reason = channel.expired() ? FailureReason.REQUEST_TIMEOUT : Failures.ofExchange(e);
        // A reused connection that yields nothing may have been closed by the server while idle:
        // retry once on a new one when repeating the request is harmless or it never left.
        boolean stale = reused && channel.bytesReceived == 0 && reason != FailureReason.REQUEST_TIMEOUT;
        if (attempt == 0 && stale && (retryable || channel.bytesSent == 0)) {
          exchange.responseHeaders().clear();
          connectingNanos += end - start; // the lost attempt is part of getting a connection
          continue;
        }
        failAfterSend(exchange, channel, blockedNanos, connectingNanos, start, end);
        exchange.fail(reason, channel.expired() ? "no complete response within the request timeout" : Failures.detail(e));
        return;
      }
    }
  }

  /**
   * Gives the pooled I/O buffers back (allocation-free: the next request borrows a set again);
   * open connections stay open, the small body and request buffers stay with the VU.
   */
  @Override
  public void idle() {
    for (int i = 0; i < channelCount; i++) {
      channels[i].releaseBuffers();
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < channelCount; i++) {
      channels[i].close();
    }
  }

  private Http1Channel channelFor(String host, int port) {
    for (int i = 0; i < channelCount; i++) {
      if (channels[i].isFor(host, port)) {
        return channels[i];
      }
    }
    if (channelCount == channels.length) {
      channels = Arrays.copyOf(channels, channelCount * 2);
    }
    Http1Channel created = new Http1Channel(host, port, keepAlive, slots);
    channels[channelCount++] = created;
    return created;
  }

  private static void failAfterSend(
      HttpExchange exchange, Http1Channel channel, long blocked, long connecting, long start, long end) {
    long sent = channel.sentNanos == 0 ? end : channel.sentNanos;
    long firstByte = channel.firstByteNanos == 0 ? end : channel.firstByteNanos;
    exchange.times(start, end);
    exchange.phases(blocked, connecting, sent - start, firstByte - sent, end - firstByte);
    exchange.bytes(channel.bytesSent, channel.bytesReceived);
  }

  private static void fail(HttpExchange exchange, long connecting, String detail) {
    long now = System.nanoTime();
    exchange.times(now, now);
    exchange.phases(0, connecting, 0, 0, 0);
    exchange.fail(FailureReason.PROTOCOL_ERROR, detail);
  }
}
