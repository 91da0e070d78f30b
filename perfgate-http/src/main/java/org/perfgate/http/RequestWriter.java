package org.perfgate.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.perfgate.engine.spi.HttpExchange;

/**
 * Encodes an HTTP/1.1 request head (and a small body) into a reusable byte array, without building
 * strings: every character is copied as one byte (ISO-8859-1; header values outside it become
 * {@code ?}). Measured hot path; one instance per connection.
 */
final class RequestWriter {
  /** Bodies up to this size are copied behind the head, so the request leaves in one write. */
  static final int INLINE_BODY_BYTES = 16 * 1024;

  private static final byte[] VERSION = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] USER_AGENT = "User-Agent: perfgate/0.1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] NONE = new byte[0];
  /** The first allocation, at the first request (not at creation: most VUs of a big test think). */
  private static final int INITIAL_BYTES = 512;

  private final byte[] hostLine;
  private final boolean keepAlive;
  private byte[] buffer = NONE;
  private int length;

  /** {@code hostHeaderValue} is {@code host} or {@code host:port}, as the Host header wants. */
  RequestWriter(String hostHeaderValue) {
    this(hostHeaderValue, true);
  }

  /** {@code keepAlive} false adds {@code Connection: close} unless the request sets Connection. */
  RequestWriter(String hostHeaderValue, boolean keepAlive) {
    hostLine = ("Host: " + hostHeaderValue + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    this.keepAlive = keepAlive;
  }

  /**
   * Encodes {@code exchange}'s request; returns whether the body was copied too (else the caller
   * writes {@code requestBody()} after {@link #bytes()}).
   */
  boolean encode(HttpExchange exchange) {
    length = 0;
    URI uri = exchange.uri();
    put(exchange.method());
    put(' ');
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      put('/');
    } else {
      put(path);
    }
    String query = uri.getRawQuery();
    if (query != null) {
      put('?');
      put(query);
    }
    put(VERSION);
    List<String> headers = exchange.requestHeaders();
    boolean hostGiven = false;
    boolean agentGiven = false;
    boolean connectionGiven = false;
    for (int i = 0; i < headers.size(); i += 2) {
      String name = headers.get(i);
      if (name.equalsIgnoreCase("content-length")) {
        continue; // we send the real length below
      }
      hostGiven |= name.equalsIgnoreCase("host");
      agentGiven |= name.equalsIgnoreCase("user-agent");
      connectionGiven |= name.equalsIgnoreCase("connection");
      put(name);
      put(':');
      put(' ');
      put(headers.get(i + 1));
      put('\r');
      put('\n');
    }
    if (!hostGiven) {
      put(hostLine);
    }
    if (!agentGiven) {
      put(USER_AGENT);
    }
    if (!keepAlive && !connectionGiven) {
      put(CONNECTION_CLOSE);
    }
    byte[] body = exchange.requestBody();
    String method = exchange.method();
    if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      put(CONTENT_LENGTH);
      putDecimal(body.length);
      put('\r');
      put('\n');
    }
    put('\r');
    put('\n');
    if (body.length <= INLINE_BODY_BYTES) {
      ensure(body.length);
      System.arraycopy(body, 0, buffer, length, body.length);
      length += body.length;
      return true;
    }
    return false;
  }

  byte[] bytes() {
    return buffer;
  }

  int length() {
    return length;
  }

  private void put(String text) {
    int count = text.length();
    ensure(count);
    byte[] out = buffer;
    int at = length;
    for (int i = 0; i < count; i++) {
      char c = text.charAt(i);
      out[at++] = c <= 0xFF ? (byte) c : (byte) '?';
    }
    length = at;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void put(char c) {
    ensure(1);
    buffer[length++] = (byte) c;
  }

  private void putDecimal(int value) {
    ensure(10);
    if (value == 0) {
      buffer[length++] = '0';
      return;
    }
    int digits = 0;
    for (int v = value; v > 0; v /= 10) {
      digits++;
    }
    int at = length + digits;
    for (int v = value; v > 0; v /= 10) {
      buffer[--at] = (byte) ('0' + v % 10);
    }
    length += digits;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(Math.max(buffer.length * 2, INITIAL_BYTES), length + more));
    }
  }
}
