package org.perfgate.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Arrays;
import org.perfgate.engine.spi.AsyncHttpConnection;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.engine.spi.IoLoop;
import org.perfgate.engine.spi.IoTimer;

/**
 * One VU's non-blocking HTTP/1.1 client state on an {@link IoLoop}: what {@link Http1Connection}
 * does (one keep-alive connection per host:port, the same retries, failures and timings) as a state
 * machine driven by the loop's selector and one {@link IoTimer} for connect and request timeouts.
 *
 * <p>Memory per VU is a few hundred bytes plus the body buffer: bytes are read into the loop's
 * shared direct buffer and parsed from a per-loop array ({@link Scratch}); a connection keeps only
 * the bytes of a head line split across reads. Per request on the hot path (keep-alive, the
 * response in one read): one write, one read and the loop's {@code epoll_wait}; no allocation (the
 * header strings come from the loop's {@link HeaderCache}), and no {@code epoll_ctl}, because an
 * open connection stays registered for reads between requests. That registration is also how a
 * server closing an idle connection is noticed (the loop reads the end of stream and closes it), so
 * no probe is needed before reuse. Measured hot path, hence its length.
 */
final class Http1AsyncConnection implements AsyncHttpConnection {
  /** Per loop thread: the array responses are parsed from and the header strings they reuse. */
  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

  private final IoLoop loop;
  private final long connectTimeoutNanos;
  private final long requestTimeoutNanos;
  private final boolean keepAlive;
  private final BodyBuffer body;
  private final Http1ResponseParser parser = new Http1ResponseParser();
  private final ConnectionSlots slots;
  private IoTimer timer; // created on the loop at the first request (openAsync may run elsewhere)
  private Scratch scratch;
  private AsyncChannel[] channels = new AsyncChannel[2];
  private int channelCount;

  // the exchange in flight (null between exchanges) and how far it got
  private HttpExchange exchange;
  private Runnable done;
  private AsyncChannel current;
  private boolean retryable;
  private boolean reused;
  private int attempt;
  private long attemptStartNanos;
  private long connectingNanos;
  private long blockedNanos; // waiting for a connection slot (ConnectionSlots), as k6's http_req_blocked
  private long blockedSince; // nonzero while waiting for one
  private long startNanos;
  private long sentNanos;
  private long firstByteNanos;
  private long bytesSent;
  private long bytesReceived;
  private byte[] requestBody; // written after the head when not inline, else null
  private int headLength;
  private int written;
  private byte[] leftover = NONE; // the unconsumed bytes of a line split across reads
  private int leftoverLength;
  private long partialWrites; // for tests: how often the socket took only part of a write

  private static final byte[] NONE = new byte[0];

  Http1AsyncConnection(HttpClientOptions options, IoLoop loop) {
    this(options, loop, ConnectionSlots.PROCESS);
  }

  /** {@code slots}: where its connections take their slots (the process's, except in tests). */
  Http1AsyncConnection(HttpClientOptions options, IoLoop loop, ConnectionSlots slots) {
    this.slots = slots;
    this.loop = loop;
    this.connectTimeoutNanos = Math.max(1_000_000L, options.connectTimeout().toNanos());
    this.requestTimeoutNanos = options.requestTimeout().toNanos();
    this.keepAlive = options.keepAlive();
    this.body = new BodyBuffer(options.maxBodyBytes());
  }

  @Override
  public void execute(HttpExchange exchange, Runnable done) {
    if (timer == null) {
      timer = loop.timer(this::timedOut);
      scratch = scratch(loop);
    }
    this.exchange = exchange;
    this.done = done;
    URI uri = exchange.uri();
    String unusable = Http1Rules.unusable(uri);
    if (unusable != null) {
      fail(unusable);
      return;
    }
    current = channelFor(uri.getHost(), Http1Rules.port(uri));
    retryable = Http1Rules.isIdempotent(exchange.method());
    attempt = 0;
    connectingNanos = 0;
    blockedNanos = 0;
    blockedSince = 0;
    startAttempt();
  }

  /** Drops the buffer of a split line (none between exchanges: a connection with one is closed). */
  @Override
  public void idle() {
    if (exchange == null) {
      leftover = NONE;
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.cancel();
    }
    for (int i = 0; i < channelCount; i++) {
      channels[i].close();
    }
    exchange = null; // abandoned: done never runs
    done = null;
    leftoverLength = 0;
  }

  /** How many connections are open (for tests; on the loop). */
  int openConnections() {
    int open = 0;
    for (int i = 0; i < channelCount; i++) {
      if (channels[i].open()) {
        open++;
      }
    }
    return open;
  }

  /** How often a write was partial, so that the rest waited for OP_WRITE (for tests; on the loop). */
  long partialWrites() {
    return partialWrites;
  }

  private void startAttempt() {
    attemptStartNanos = loop.nanoTime();
    reused = current.open();
    if (reused) {
      send();
    } else {
      connect();
    }
  }

  private void connect() {
    AsyncChannel channel = current;
    if (!channel.takeSlot()) {
      // Every slot below the open-file limit is taken: wait for a socket of this process to
      // close, polling each tick (this only happens when the generator is far behind), at most
      // the connect timeout.
      long now = loop.nanoTime();
      if (blockedSince == 0) {
        blockedSince = now;
      }
      blockedNanos = now - blockedSince;
      if (blockedNanos >= connectTimeoutNanos) {
        blockedSince = 0;
        exchange.times(now, now);
        exchange.phases(blockedNanos, connectingNanos, 0, 0, 0);
        exchange.fail(FailureReason.OTHER_IO_ERROR, slots.exhaustedDetail());
        finish();
        return;
      }
      timer.arm(now + 1_000_000);
      return;
    }
    if (blockedSince != 0) {
      blockedNanos = loop.nanoTime() - blockedSince;
      blockedSince = 0;
      attemptStartNanos = loop.nanoTime(); // connecting starts now, after the wait
    }
    boolean connected;
    try {
      connected = channel.connect(loop);
    } catch (IOException | RuntimeException e) { // RuntimeException: UnresolvedAddressException and kin
      connectFailed(e);
      return;
    }
    if (connected) {
      connected();
    } else {
      timer.arm(attemptStartNanos + connectTimeoutNanos);
    }
  }

  private void finishConnect() {
    try {
      if (!current.finishConnect()) {
        return;
      }
    } catch (IOException e) {
      timer.cancel();
      current.close();
      connectFailed(e);
      return;
    }
    timer.cancel();
    connected();
  }

  private void connected() {
    connectingNanos += loop.nanoTime() - attemptStartNanos;
    send();
  }

  private void connectFailed(Throwable error) {
    long now = loop.nanoTime();
    exchange.times(now, now);
    exchange.phases(blockedNanos, connectingNanos + now - attemptStartNanos, 0, 0, 0);
    exchange.fail(Failures.ofConnect(error), Failures.detail(error));
    finish();
  }

  private void send() {
    startNanos = loop.nanoTime();
    sentNanos = 0;
    firstByteNanos = 0;
    bytesSent = 0;
    bytesReceived = 0;
    leftoverLength = 0;
    timer.arm(startNanos + requestTimeoutNanos);
    RequestWriter writer = current.writer;
    boolean bodyInline = writer.encode(exchange);
    headLength = writer.length();
    requestBody = bodyInline ? null : exchange.requestBody();
    written = 0;
    parser.start(exchange, body, scratch.headers);
    write();
  }

  /** Writes as much of the request as the socket takes; on a partial write waits for OP_WRITE. */
  private void write() {
    AsyncChannel channel = current;
    byte[] head = channel.writer.bytes();
    int total = headLength + (requestBody == null ? 0 : requestBody.length);
    try {
      while (written < total) {
        ByteBuffer buffer = loop.ioBuffer().clear();
        int from = written;
        if (from < headLength) {
          int count = Math.min(headLength - from, buffer.remaining());
          buffer.put(head, from, count);
          from += count;
        }
        if (requestBody != null && buffer.hasRemaining() && from < total) {
          int count = Math.min(total - from, buffer.remaining());
          buffer.put(requestBody, from - headLength, count);
        }
        buffer.flip();
        int count = channel.socket().write(buffer);
        written += count;
        if (written >= headLength) {
          bytesSent = written == total ? total : headLength; // as Http1Channel: whole parts only
        }
        if (buffer.hasRemaining()) {
          partialWrites++;
          channel.wantWrite(true);
          return;
        }
      }
    } catch (IOException e) {
      exchangeFailed(e);
      return;
    }
    sentNanos = loop.nanoTime();
    channel.wantWrite(false);
  }

  /** Reads once (level-triggered: the loop calls again while bytes remain) and parses. */
  private void read() {
    AsyncChannel channel = current;
    byte[] bytes = scratch.bytes;
    ByteBuffer buffer = loop.ioBuffer().clear();
    buffer.limit(Math.min(buffer.capacity(), bytes.length - leftoverLength));
    int count;
    try {
      count = channel.socket().read(buffer);
      if (count < 0) {
        parser.endOfStream(); // completes a body delimited by the close, else throws
      }
    } catch (IOException e) {
      exchangeFailed(e);
      return;
    }
    if (count < 0) {
      channel.close();
      completed(0);
      return;
    }
    if (count == 0) {
      return;
    }
    if (firstByteNanos == 0) {
      firstByteNanos = loop.nanoTime();
    }
    bytesReceived += count;
    if (leftoverLength > 0) {
      System.arraycopy(leftover, 0, bytes, 0, leftoverLength);
    }
    buffer.flip().get(bytes, leftoverLength, count);
    int end = leftoverLength + count;
    int consumed;
    try {
      consumed = parser.parse(bytes, 0, end);
    } catch (ResponseException e) {
      exchangeFailed(e);
      return;
    }
    if (parser.complete()) {
      leftoverLength = 0;
      completed(end - consumed);
      return;
    }
    leftoverLength = end - consumed;
    if (leftoverLength > 0) {
      if (leftover.length < leftoverLength) {
        leftover = new byte[Math.max(leftoverLength, 256)];
      }
      System.arraycopy(bytes, consumed, leftover, 0, leftoverLength);
    }
  }

  /** The response is complete; {@code extra} bytes followed it (nobody asked for them). */
  private void completed(int extra) {
    timer.cancel();
    long end = loop.nanoTime();
    bytesReceived -= extra; // bytes after the response are not part of it
    exchange.times(startNanos, end);
    exchange.phases(blockedNanos, connectingNanos, sentNanos - startNanos, firstByteNanos - sentNanos,
        end - firstByteNanos);
    exchange.bytes(bytesSent, bytesReceived);
    if (!parser.keepAlive() || extra > 0) {
      current.close(); // the server closes it, or the framing is lost
    }
    finish();
  }

  private void exchangeFailed(IOException error) {
    timer.cancel();
    long end = loop.nanoTime();
    current.close();
    FailureReason reason = Failures.ofExchange(error);
    // A reused connection that yields nothing may have been closed by the server while idle (and
    // the loop did not see it yet): retry once on a new one when repeating the request is harmless
    // or it never left.
    boolean stale = reused && bytesReceived == 0 && reason != FailureReason.REQUEST_TIMEOUT;
    if (attempt == 0 && stale && (retryable || bytesSent == 0)) {
      exchange.responseHeaders().clear();
      connectingNanos += end - startNanos; // the lost attempt is part of getting a connection
      attempt++;
      startAttempt();
      return;
    }
    failAfterSend(end);
    exchange.fail(reason, Failures.detail(error));
    finish();
  }

  /** The timer's task: the connect or the request took too long. */
  private void timedOut() {
    if (exchange == null) {
      return;
    }
    if (blockedSince != 0) {
      connect(); // waiting for a connection slot: try again
      return;
    }
    AsyncChannel channel = current;
    if (channel.connecting()) {
      channel.close();
      connectFailed(new SocketTimeoutException("Connect timed out"));
      return;
    }
    channel.close();
    failAfterSend(loop.nanoTime());
    exchange.fail(FailureReason.REQUEST_TIMEOUT, "no complete response within the request timeout");
    finish();
  }

  private void failAfterSend(long end) {
    long sent = sentNanos == 0 ? end : sentNanos;
    long firstByte = firstByteNanos == 0 ? end : firstByteNanos;
    exchange.times(startNanos, end);
    exchange.phases(blockedNanos, connectingNanos, sent - startNanos, firstByte - sent, end - firstByte);
    exchange.bytes(bytesSent, bytesReceived);
  }

  private void fail(String detail) {
    long now = loop.nanoTime();
    exchange.times(now, now);
    exchange.phases(0, 0, 0, 0, 0);
    exchange.fail(FailureReason.PROTOCOL_ERROR, detail);
    finish();
  }

  /** Ends the exchange in flight and runs its callback, which may start the next one at once. */
  private void finish() {
    Runnable callback = done;
    exchange = null;
    done = null;
    leftoverLength = 0;
    callback.run();
  }

  private AsyncChannel channelFor(String host, int port) {
    for (int i = 0; i < channelCount; i++) {
      if (channels[i].port == port && channels[i].host.equals(host)) {
        return channels[i];
      }
    }
    if (channelCount == channels.length) {
      channels = Arrays.copyOf(channels, channelCount * 2);
    }
    AsyncChannel created = new AsyncChannel(this, host, port, keepAlive, slots);
    channels[channelCount++] = created;
    return created;
  }

  private static Scratch scratch(IoLoop loop) {
    Scratch scratch = SCRATCH.get();
    int wanted = Http1ResponseParser.MAX_HEAD_BYTES + loop.ioBuffer().capacity();
    if (scratch == null || scratch.bytes.length < wanted) {
      scratch = new Scratch(new byte[wanted], new HeaderCache());
      SCRATCH.set(scratch);
    }
    return scratch;
  }

  /**
   * What the connections of one loop share, used by one response at a time: a partial head line
   * (under {@link Http1ResponseParser#MAX_HEAD_BYTES}) plus one read of the loop's buffer fit.
   */
  private record Scratch(byte[] bytes, HeaderCache headers) {}

  /** Readiness of one of this connection's channels, from the loop. */
  void ready(AsyncChannel channel, int readyOps) {
    if (channel != current || exchange == null) {
      channel.idleReadable(loop.ioBuffer());
    } else if (channel.connecting()) {
      finishConnect();
    } else if ((readyOps & SelectionKey.OP_WRITE) != 0 && sentNanos == 0) {
      write();
    } else if ((readyOps & SelectionKey.OP_READ) != 0) {
      read();
    }
  }
}
