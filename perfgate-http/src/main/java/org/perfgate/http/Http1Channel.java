package org.perfgate.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpExchange;

/**
 * One keep-alive TCP connection to one host:port: writes a request, reads the response into a
 * reusable buffer and hands it to an {@link Http1ResponseParser} (the parser the non-blocking
 * {@link Http1AsyncConnection} uses too). Blocking
 * I/O through the channel's socket streams, which park a virtual thread instead of its carrier.
 * Request timeouts: {@link Deadlines} closes the connection when its deadline passes. Measured hot
 * path (see bench/http-clients), hence its length; one VU uses it.
 *
 * <p>The I/O buffers are borrowed from {@link IoBuffers} at the first request and given back by
 * {@link #releaseBuffers} (the VU thinks) or {@link #close}, so an idle channel costs a few hundred
 * bytes, not 40 KiB.
 */
final class Http1Channel {
  private static final long NO_DEADLINE = Long.MIN_VALUE;
  private static final long EXPIRED = Long.MIN_VALUE + 1;
  private static final VarHandle DEADLINE;

  static {
    try {
      DEADLINE = MethodHandles.lookup().findVarHandle(Http1Channel.class, "deadline", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String host;
  private final int port;
  private final RequestWriter writer;
  private final boolean keepAlive;
  private final Http1ResponseParser parser = new Http1ResponseParser();
  private final ConnectionSlots slots;
  private HeaderCache headerCache;
  private InetSocketAddress address;
  private volatile SocketChannel channel; // volatile: Deadlines closes it from its thread
  @SuppressWarnings("unused") // through DEADLINE: a nanoTime, NO_DEADLINE or EXPIRED
  private volatile long deadline = NO_DEADLINE;
  // Our own direct buffers instead of the socket streams: the streams wrap every array in a new
  // ByteBuffer and copy through a cached temporary direct buffer anyway. All three come from `io`
  // (null while released); copied into fields so the parser reads them as before.
  private IoBuffers io;
  private ByteBuffer readDirect;
  private ByteBuffer writeDirect;
  private ByteBuffer probe;
  private byte[] buffer;
  private int position;
  private int limit;
  private long deadlineNanos;
  private long lastUsedNanos;
  private boolean expired;

  // what the last exchange did, read by Http1Connection to fill timings and decide on retries
  long bytesSent;
  long bytesReceived;
  long sentNanos;
  long firstByteNanos;
  /** How long the last {@link #connect} waited for a {@link ConnectionSlots} slot. */
  long blockedNanos;

  Http1Channel(String host, int port) {
    this(host, port, true);
  }

  /** {@code keepAlive} false: every request says {@code Connection: close}. */
  Http1Channel(String host, int port, boolean keepAlive) {
    this(host, port, keepAlive, ConnectionSlots.PROCESS);
  }

  /** {@code slots}: where an open connection takes its slot (the process's, except in tests). */
  Http1Channel(String host, int port, boolean keepAlive, ConnectionSlots slots) {
    this.host = host;
    this.port = port;
    this.writer = new RequestWriter(port == 80 ? host : host + ":" + port, keepAlive);
    this.keepAlive = keepAlive;
    this.slots = slots;
  }

  boolean isFor(String otherHost, int otherPort) {
    return port == otherPort && host.equals(otherHost);
  }

  boolean isOpen() {
    return channel != null;
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /**
   * Opens the TCP connection (resolving the host the first time), after taking a connection slot;
   * waits for a slot at most the connect timeout ({@link #blockedNanos} tells how long).
   */
  void connect(int connectTimeoutMillis) throws IOException {
    blockedNanos = 0;
    if (address == null) {
      address = Http1Rules.resolve(host, port);
    }
    if (!slots.tryTake()) {
      long blockedSince = System.nanoTime();
      try {
        boolean taken = slots.take(connectTimeoutMillis * 1_000_000L);
        blockedNanos = System.nanoTime() - blockedSince;
        if (!taken) {
          throw new ResponseException(FailureReason.OTHER_IO_ERROR, slots.exhaustedDetail());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for a connection slot");
      }
    }
    SocketChannel opened;
    try {
      opened = SocketChannel.open();
    } catch (IOException e) {
      slots.giveBack();
      throw e;
    }
    try {
      opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (!keepAlive) {
        // A connection per request: close with a reset, not a FIN, once the response is read, so
        // the generator's side keeps no TIME_WAIT socket. Otherwise thousands of connections a
        // second exhaust the ~28,000 ephemeral ports of one destination within seconds (measured
        // with bench/scale.sh), even with Connection: close (we often close before the server's FIN).
        opened.setOption(StandardSocketOptions.SO_LINGER, 0);
      }
      opened.socket().connect(address, connectTimeoutMillis);
    } catch (IOException | RuntimeException e) {
      Http1Rules.closeQuietly(opened);
      slots.giveBack();
      throw e;
    }
    channel = opened;
    position = 0;
    limit = 0;
    Deadlines.watch(this);
  }

  /**
   * Gives the I/O buffers back to the pool; the next request borrows them again. Only between
   * exchanges, when the buffer holds no unread bytes (always so on an open keep-alive connection:
   * {@link #exchange} closes one with leftover bytes).
   */
  void releaseBuffers() {
    if (io != null && position == limit) {
      io.bytes = buffer; // it may have grown for long header lines
      IoBuffers.giveBack(io);
      io = null;
      buffer = null;
      headerCache = null;
      readDirect = null;
      writeDirect = null;
      position = 0;
      limit = 0;
    }
  }

  /** Whether this channel holds pooled buffers now (for tests). */
  boolean holdsBuffers() {
    return io != null;
  }

  /** Whether {@link Deadlines} closed the connection because the last request passed its deadline. */
  boolean expired() {
    return expired;
  }

  /**
   * Called by {@link Deadlines}: closes the connection if its request is past its deadline.
   *
   * @return the deadline still pending ({@code nanoTime} base), or {@link Deadlines#NONE}
   */
  long expireIfLate(long nowNanos) {
    long due = (long) DEADLINE.getVolatile(this);
    if (due == NO_DEADLINE || due == EXPIRED) {
      return Deadlines.NONE;
    }
    if (nowNanos - due < 0) {
      return due;
    }
    if (DEADLINE.compareAndSet(this, due, EXPIRED)) {
      SocketChannel open = channel;
      if (open != null) {
        Http1Rules.closeQuietly(open); // wakes the VU blocked in read or write: it sees an exception
      }
    }
    return Deadlines.NONE;
  }

  /**
   * Whether the server closed this idle connection (or sent something unasked), checked with one
   * non-blocking read so that a request that cannot be retried is not sent into a dead connection.
   */
  boolean peerClosed() {
    try {
      channel.configureBlocking(false);
      try {
        if (probe == null) {
          probe = ByteBuffer.allocate(1);
        }
        probe.clear();
        return channel.read(probe) != 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return true; // a connection that fails a read is closed for our purpose: the answer is "yes"
    }
  }

  /**
   * Sends {@code exchange}'s request and reads the whole response into {@code exchange} and {@code
   * body}; closes the connection if the response says so. Throws on I/O errors, a malformed
   * response or the deadline {@code startNanos + timeoutNanos}, leaving the fields above telling how
   * far it got.
   */
  void exchange(HttpExchange exchange, BodyBuffer body, long startNanos, long timeoutNanos) throws IOException {
    bytesSent = 0;
    bytesReceived = 0;
    sentNanos = 0;
    firstByteNanos = 0;
    deadlineNanos = startNanos + timeoutNanos;
    expired = false;
    body.clear();
    if (io == null) {
      borrowBuffers();
    }
    boolean keepAlive;
    DEADLINE.setVolatile(this, deadlineNanos);
    Deadlines.armed(deadlineNanos);
    try {
      boolean bodyInline = writer.encode(exchange);
      writeFully(writer.bytes(), writer.length());
      bytesSent = writer.length();
      if (!bodyInline) {
        writeFully(exchange.requestBody(), exchange.requestBody().length);
        bytesSent += exchange.requestBody().length;
      }
      sentNanos = System.nanoTime();
      keepAlive = readResponse(exchange, body);
    } finally {
      expired = (long) DEADLINE.getAndSet(this, NO_DEADLINE) == EXPIRED;
    }
    bytesReceived -= limit - position; // bytes after the response are not part of it
    lastUsedNanos = System.nanoTime();
    if (!keepAlive || position != limit || expired) {
      // Not reusable: the server or Deadlines (the response completed within one tick of the
      // deadline) closes it, or bytes nobody asked for mean the framing is lost.
      close();
    }
  }

  void close() {
    SocketChannel open = channel;
    if (open != null) {
      Deadlines.unwatch(this);
      Http1Rules.closeQuietly(open);
      channel = null;
      slots.giveBack(); // only here: Deadlines closes the socket but leaves `channel` to this VU
    }
    position = 0; // whatever the server sent beyond the response is gone with the connection
    limit = 0;
    releaseBuffers();
  }

  private void borrowBuffers() {
    io = IoBuffers.borrow();
    buffer = io.bytes;
    headerCache = io.headers;
    readDirect = io.readDirect;
    writeDirect = io.writeDirect;
  }

  private boolean readResponse(HttpExchange exchange, BodyBuffer body) throws IOException {
    parser.start(exchange, body, headerCache);
    while (true) {
      position = parser.parse(buffer, position, limit);
      if (parser.complete()) {
        return parser.keepAlive();
      }
      makeRoom();
      if (fill() < 0) {
        parser.endOfStream(); // completes a body delimited by the close, else throws
        return parser.keepAlive();
      }
    }
  }

  /**
   * Frees space at the end of the buffer for the bytes after the unconsumed ones (a partial line):
   * moves them to the start, or grows the buffer when they fill it (up to the parser's line limit,
   * which it enforces).
   */
  private void makeRoom() {
    if (position == limit) {
      position = 0;
      limit = 0;
    } else if (limit == buffer.length) {
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      } else {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, 1024));
      }
    }
  }

  /** Reads what is available into the free end of the buffer; -1 at end of stream. */
  private int fill() throws IOException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new ResponseException(FailureReason.REQUEST_TIMEOUT, "no complete response within the request timeout");
    }
    // Untimed read: Deadlines closes the connection if the deadline passes meanwhile.
    readDirect.clear().limit(Math.min(readDirect.capacity(), buffer.length - limit));
    int count = channel.read(readDirect);
    if (count > 0) {
      readDirect.flip().get(buffer, limit, count);
      if (firstByteNanos == 0) {
        firstByteNanos = System.nanoTime();
      }
      limit += count;
      bytesReceived += count;
    }
    return count;
  }

  private void writeFully(byte[] bytes, int length) throws IOException {
    for (int offset = 0; offset < length; ) {
      int count = Math.min(length - offset, writeDirect.capacity());
      writeDirect.clear();
      writeDirect.put(bytes, offset, count).flip();
      while (writeDirect.hasRemaining()) {
        channel.write(writeDirect);
      }
      offset += count;
    }
  }
}
