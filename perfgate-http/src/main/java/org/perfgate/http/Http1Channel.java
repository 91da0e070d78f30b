package org.perfgate.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpExchange;

/**
 * One keep-alive TCP connection to one host:port: writes a request, parses the response (status
 * line, headers, Content-Length, chunked or close-delimited body) from a reusable buffer. Blocking
 * I/O through the channel's socket streams, which park a virtual thread instead of its carrier.
 * Request timeouts: {@link Deadlines} closes the connection when its deadline passes. Measured hot
 * path (see bench/http-clients), hence its length; one VU uses it.
 *
 * <p>The I/O buffers are borrowed from {@link IoBuffers} at the first request and given back by
 * {@link #releaseBuffers} (the VU thinks) or {@link #close}, so an idle channel costs a few hundred
 * bytes, not 40 KiB.
 */
final class Http1Channel {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
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
      String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host; // IPv6 literal
      InetSocketAddress resolved = new InetSocketAddress(name, port);
      if (resolved.isUnresolved()) {
        throw new UnknownHostException(name);
      }
      address = resolved;
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
      closeQuietly(opened);
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
        closeQuietly(open); // wakes the VU blocked in read or write: it sees an exception
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
      closeQuietly(open);
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
    int status;
    boolean http11;
    while (true) {
      int lineEnd = nextLine();
      int start = position;
      if (lineEnd - start < 12 || !startsWithHttp1(start) || buffer[start + 8] != ' ') {
        throw malformed("status line does not start with HTTP/1.x and a status code");
      }
      http11 = buffer[start + 7] == '1';
      status = digit(start + 9) * 100 + digit(start + 10) * 10 + digit(start + 11);
      if (status < 100 || status > 999) {
        throw malformed("status code is not 3 digits");
      }
      position = lineEnd + 1;
      if (status >= 200 || status == 101) {
        break;
      }
      skipHeaders(); // an interim 1xx response: the real one follows
    }
    long contentLength = -1;
    boolean chunked = false;
    boolean close = false;
    boolean keepAliveAsked = false;
    int index = 0;
    while (true) {
      int lineEnd = nextLine();
      int start = position;
      int end = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      position = lineEnd + 1;
      if (end == start) {
        break;
      }
      int colon = start;
      while (colon < end && buffer[colon] != ':') {
        colon++;
      }
      if (colon == start || colon == end) {
        throw malformed("header line without a name and a colon");
      }
      int valueStart = colon + 1;
      while (valueStart < end && (buffer[valueStart] == ' ' || buffer[valueStart] == '\t')) {
        valueStart++;
      }
      int valueEnd = end;
      while (valueEnd > valueStart && (buffer[valueEnd - 1] == ' ' || buffer[valueEnd - 1] == '\t')) {
        valueEnd--;
      }
      headerCache.addTo(exchange, index++, buffer, start, colon, valueStart, valueEnd, end);
      int nameLength = colon - start;
      if (nameLength == 14 && Ascii.equalsIgnoreCase(buffer, start, Ascii.CONTENT_LENGTH)) {
        contentLength = Ascii.parseDecimal(buffer, valueStart, valueEnd);
        if (contentLength < 0) {
          throw malformed("Content-Length is not a number");
        }
      } else if (nameLength == 17 && Ascii.equalsIgnoreCase(buffer, start, Ascii.TRANSFER_ENCODING)) {
        chunked = Ascii.endsWithIgnoreCase(buffer, valueStart, valueEnd, Ascii.CHUNKED);
      } else if (nameLength == 10 && Ascii.equalsIgnoreCase(buffer, start, Ascii.CONNECTION)) {
        close |= Ascii.containsIgnoreCase(buffer, valueStart, valueEnd, Ascii.CLOSE);
        keepAliveAsked |= Ascii.containsIgnoreCase(buffer, valueStart, valueEnd, Ascii.KEEP_ALIVE);
      }
    }
    exchange.status(status);
    if ((!http11 && !keepAliveAsked) || status == 101) {
      close = true; // HTTP/1.0 without keep-alive; after 101 the connection speaks another protocol
    }
    if (status < 200 || status == 204 || status == 304 || exchange.method().equals("HEAD")) {
      // no body by definition, whatever Content-Length says
    } else if (chunked) {
      readChunked(body);
    } else if (contentLength >= 0) {
      readFixed(contentLength, body);
    } else {
      readUntilEnd(body);
      close = true;
    }
    exchange.responseBody(body.bytes(), body.length());
    return !close;
  }

  private void readFixed(long length, BodyBuffer body) throws IOException {
    body.reserve(length);
    long remaining = length;
    while (remaining > 0) {
      if (position == limit) {
        position = 0;
        limit = 0;
        if (fill() < 0) {
          throw closedEarly();
        }
      }
      int count = (int) Math.min(limit - position, remaining);
      body.append(buffer, position, count);
      position += count;
      remaining -= count;
    }
  }

  private void readChunked(BodyBuffer body) throws IOException {
    while (true) {
      int lineEnd = nextLine();
      long size = Ascii.parseChunkSize(buffer, position, lineEnd);
      if (size < 0) {
        throw malformed("chunk size is not hexadecimal");
      }
      position = lineEnd + 1;
      if (size == 0) {
        skipHeaders(); // trailers, up to the empty line
        return;
      }
      readFixed(size, body);
      lineEnd = nextLine();
      if (lineEnd - position > 1 || (lineEnd - position == 1 && buffer[position] != '\r')) {
        throw malformed("chunk data longer than its size");
      }
      position = lineEnd + 1;
    }
  }

  private void readUntilEnd(BodyBuffer body) throws IOException {
    while (true) {
      if (position == limit) {
        position = 0;
        limit = 0;
        if (fill() < 0) {
          return;
        }
      }
      body.append(buffer, position, limit - position);
      position = limit;
    }
  }

  private void skipHeaders() throws IOException {
    while (true) {
      int lineEnd = nextLine();
      boolean empty = lineEnd == position || (lineEnd == position + 1 && buffer[position] == '\r');
      position = lineEnd + 1;
      if (empty) {
        return;
      }
    }
  }

  /** The index of the next '\n' at or after {@link #position}, reading more as needed. */
  private int nextLine() throws IOException {
    int scan = position;
    while (true) {
      for (int i = scan; i < limit; i++) {
        if (buffer[i] == '\n') {
          return i;
        }
      }
      int scanned = limit;
      scan = scanned - makeRoom();
      if (fill() < 0) {
        throw closedEarly();
      }
    }
  }

  /** Frees space at the end of the buffer; returns by how much the content moved left. */
  private int makeRoom() throws ResponseException {
    int shift = position;
    if (position == limit) {
      position = 0;
      limit = 0;
      return shift;
    }
    if (limit < buffer.length) {
      return 0;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
      return shift;
    }
    if (buffer.length >= MAX_HEAD_BYTES) {
      throw malformed("a response line is longer than " + MAX_HEAD_BYTES + " bytes");
    }
    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
    return 0;
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

  private boolean startsWithHttp1(int start) {
    return buffer[start] == 'H' && buffer[start + 1] == 'T' && buffer[start + 2] == 'T' && buffer[start + 3] == 'P'
        && buffer[start + 4] == '/' && buffer[start + 5] == '1' && buffer[start + 6] == '.'
        && (buffer[start + 7] == '1' || buffer[start + 7] == '0');
  }

  private int digit(int at) {
    int d = buffer[at] - '0';
    return d >= 0 && d <= 9 ? d : -1000;
  }

  private ResponseException closedEarly() {
    return new ResponseException(
        FailureReason.CONNECTION_RESET,
        bytesReceived == 0
            ? "server closed the connection without a response"
            : "server closed the connection before the response was complete");
  }

  private static ResponseException malformed(String detail) {
    return new ResponseException(FailureReason.PROTOCOL_ERROR, "malformed HTTP/1.1 response: " + detail);
  }

  private static void closeQuietly(SocketChannel toClose) {
    try {
      toClose.close();
    } catch (IOException e) {
      // Closing a socket can only fail on a connection that is already broken: nothing to do.
    }
  }
}
