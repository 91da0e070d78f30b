package org.perfgate.http;

import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpExchange;

/**
 * An incremental (push) HTTP/1.1 response parser: the caller reads bytes however it likes
 * (blocking or from an event loop) and hands them to {@link #parse}, which takes what it can and
 * says how far it got. Status line, interim 1xx responses (skipped), headers (through a {@link
 * HeaderCache}), and a body framed by Content-Length, chunked transfer coding (extensions and
 * trailers skipped) or the end of the connection; 1xx, 204, 304 and responses to HEAD have none.
 * One instance per connection, reused by {@link #start} for every response; allocation-free apart
 * from what {@link HeaderCache} and {@link BodyBuffer} allocate. Measured hot path.
 *
 * <p>Contract with the caller: {@link #parse} consumes whole lines of the head (and of chunk
 * framing) only; a partial line stays unconsumed, and the caller must hand those bytes again,
 * followed by the next ones, at the start of its next call. Body bytes are always consumed.
 */
final class Http1ResponseParser {
  /** The longest line of a head (status, header, chunk size, trailer), as the blocking parser had. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private static final int STATUS_LINE = 0;
  private static final int HEADERS = 1;
  private static final int INTERIM_HEADERS = 2;
  private static final int FIXED_BODY = 3;
  private static final int CHUNK_SIZE = 4;
  private static final int CHUNK_DATA = 5;
  private static final int CHUNK_DATA_END = 6;
  private static final int TRAILERS = 7;
  private static final int UNTIL_CLOSE = 8;
  private static final int DONE = 9;

  private HttpExchange exchange;
  private BodyBuffer body;
  private HeaderCache headers;
  private int state = DONE;
  private boolean head;
  private boolean received;
  private int scanned; // bytes of the pending partial line already searched for '\n'
  private int status;
  private boolean http11;
  private long contentLength;
  private boolean chunked;
  private boolean close;
  private boolean keepAliveAsked;
  private int headerIndex;
  private long remaining;

  /**
   * Starts parsing the response to {@code exchange} (its method tells whether a body may follow):
   * headers go to {@code exchange} through {@code headers}, the body to {@code body} (cleared here),
   * and status and body are set on {@code exchange} as they complete.
   */
  void start(HttpExchange exchange, BodyBuffer body, HeaderCache headers) {
    this.exchange = exchange;
    this.body = body;
    this.headers = headers;
    body.clear();
    state = STATUS_LINE;
    head = exchange.method().equals("HEAD");
    received = false;
    scanned = 0;
    close = false;
  }

  /**
   * Parses {@code buffer[from, to)}; returns the index of the first byte not consumed ({@code to}
   * unless a line is incomplete or the response ended before {@code to}: bytes after a complete
   * response belong to no request, and the caller decides what they mean).
   *
   * @throws ResponseException {@code PROTOCOL_ERROR} for a malformed response or a head line
   *     longer than {@link #MAX_HEAD_BYTES}
   */
  int parse(byte[] buffer, int from, int to) throws ResponseException {
    if (to > from) {
      received = true;
    }
    int position = from;
    while (state != DONE && position < to) {
      if (state == FIXED_BODY || state == CHUNK_DATA) {
        int count = (int) Math.min(to - position, remaining);
        body.append(buffer, position, count);
        position += count;
        remaining -= count;
        if (remaining == 0) {
          if (state == FIXED_BODY) {
            finish();
          } else {
            state = CHUNK_DATA_END;
          }
        }
      } else if (state == UNTIL_CLOSE) {
        body.append(buffer, position, to - position);
        position = to;
      } else {
        int lineEnd = lineEnd(buffer, position, to);
        if (lineEnd < 0) {
          return position;
        }
        line(buffer, position, lineEnd);
        position = lineEnd + 1;
      }
    }
    return position;
  }

  /** Whether the response is complete (its body set on the exchange). */
  boolean complete() {
    return state == DONE;
  }

  /** Whether the connection may carry another request after this complete response. */
  boolean keepAlive() {
    return !close;
  }

  /**
   * The server closed the connection: completes a body delimited by the close.
   *
   * @throws ResponseException {@code CONNECTION_RESET} when the response is not complete
   */
  void endOfStream() throws ResponseException {
    if (state == UNTIL_CLOSE) {
      finish();
    } else if (state != DONE) {
      throw new ResponseException(
          FailureReason.CONNECTION_RESET,
          received
              ? "server closed the connection before the response was complete"
              : "server closed the connection without a response");
    }
  }

  /**
   * The index of the first '\n' in {@code buffer[from, to)}, or -1 (remembering how far it looked).
   * A line is too long when it is, whether it arrived whole or not (the blocking client's 64 KiB
   * buffer used to decide, so the limit must not depend on how the bytes were read).
   */
  private int lineEnd(byte[] buffer, int from, int to) throws ResponseException {
    for (int i = from + scanned; i < to; i++) {
      if (buffer[i] == '\n') {
        scanned = 0;
        if (i - from >= MAX_HEAD_BYTES) {
          throw malformed("a response line is longer than " + MAX_HEAD_BYTES + " bytes");
        }
        return i;
      }
    }
    scanned = to - from;
    if (scanned >= MAX_HEAD_BYTES) {
      throw malformed("a response line is longer than " + MAX_HEAD_BYTES + " bytes");
    }
    return -1;
  }

  /** One line {@code buffer[start, lineEnd)} ('\n' at lineEnd) in a line state. */
  private void line(byte[] buffer, int start, int lineEnd) throws ResponseException {
    switch (state) {
      case STATUS_LINE -> statusLine(buffer, start, lineEnd);
      case HEADERS -> headerLine(buffer, start, lineEnd);
      case INTERIM_HEADERS, TRAILERS -> {
        boolean empty = lineEnd == start || (lineEnd == start + 1 && buffer[start] == '\r');
        if (empty) {
          if (state == INTERIM_HEADERS) {
            state = STATUS_LINE; // the real response follows
          } else {
            finish();
          }
        }
      }
      case CHUNK_SIZE -> {
        long size = Ascii.parseChunkSize(buffer, start, lineEnd);
        if (size < 0) {
          throw malformed("chunk size is not hexadecimal");
        }
        if (size == 0) {
          state = TRAILERS;
        } else {
          body.reserve(size);
          remaining = size;
          state = CHUNK_DATA;
        }
      }
      case CHUNK_DATA_END -> {
        if (lineEnd - start > 1 || (lineEnd - start == 1 && buffer[start] != '\r')) {
          throw malformed("chunk data longer than its size");
        }
        state = CHUNK_SIZE;
      }
      default -> throw new IllegalStateException("no line expected in state " + state);
    }
  }

  private void statusLine(byte[] buffer, int start, int lineEnd) throws ResponseException {
    if (lineEnd - start < 12 || !startsWithHttp1(buffer, start) || buffer[start + 8] != ' ') {
      throw malformed("status line does not start with HTTP/1.x and a status code");
    }
    http11 = buffer[start + 7] == '1';
    status = digit(buffer, start + 9) * 100 + digit(buffer, start + 10) * 10 + digit(buffer, start + 11);
    if (status < 100 || status > 999) {
      throw malformed("status code is not 3 digits");
    }
    if (status >= 200 || status == 101) {
      state = HEADERS;
      contentLength = -1;
      chunked = false;
      close = false;
      keepAliveAsked = false;
      headerIndex = 0;
    } else {
      state = INTERIM_HEADERS; // an interim 1xx response: its headers are skipped
    }
  }

  private void headerLine(byte[] buffer, int start, int lineEnd) throws ResponseException {
    int end = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    if (end == start) {
      endOfHead();
      return;
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
    headers.addTo(exchange, headerIndex++, buffer, start, colon, valueStart, valueEnd, end);
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

  private void endOfHead() {
    exchange.status(status);
    if ((!http11 && !keepAliveAsked) || status == 101) {
      close = true; // HTTP/1.0 without keep-alive; after 101 the connection speaks another protocol
    }
    if (status < 200 || status == 204 || status == 304 || head) {
      finish(); // no body by definition, whatever Content-Length says
    } else if (chunked) {
      state = CHUNK_SIZE;
    } else if (contentLength >= 0) {
      body.reserve(contentLength);
      remaining = contentLength;
      if (remaining == 0) {
        finish();
      } else {
        state = FIXED_BODY;
      }
    } else {
      state = UNTIL_CLOSE;
      close = true;
    }
  }

  private void finish() {
    exchange.responseBody(body.bytes(), body.length());
    state = DONE;
  }

  private static boolean startsWithHttp1(byte[] buffer, int start) {
    return buffer[start] == 'H' && buffer[start + 1] == 'T' && buffer[start + 2] == 'T' && buffer[start + 3] == 'P'
        && buffer[start + 4] == '/' && buffer[start + 5] == '1' && buffer[start + 6] == '.'
        && (buffer[start + 7] == '1' || buffer[start + 7] == '0');
  }

  private static int digit(byte[] buffer, int at) {
    int d = buffer[at] - '0';
    return d >= 0 && d <= 9 ? d : -1000;
  }

  private static ResponseException malformed(String detail) {
    return new ResponseException(FailureReason.PROTOCOL_ERROR, "malformed HTTP/1.1 response: " + detail);
  }
}
