package org.perfgate.http;

import java.nio.charset.StandardCharsets;

/** Byte-level ASCII helpers for parsing HTTP/1.1 heads without creating strings. */
final class Ascii {
  static final byte[] CONTENT_LENGTH = lower("content-length");
  static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
  static final byte[] CONNECTION = lower("connection");
  static final byte[] CHUNKED = lower("chunked");
  static final byte[] CLOSE = lower("close");
  static final byte[] KEEP_ALIVE = lower("keep-alive");

  private Ascii() {}

  /** Whether {@code buffer[start, start + lower.length)} equals {@code lower}, ignoring ASCII case. */
  static boolean equalsIgnoreCase(byte[] buffer, int start, byte[] lower) {
    for (int i = 0; i < lower.length; i++) {
      if ((buffer[start + i] | 0x20) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean endsWithIgnoreCase(byte[] buffer, int start, int end, byte[] lower) {
    return end - start >= lower.length && equalsIgnoreCase(buffer, end - lower.length, lower);
  }

  static boolean containsIgnoreCase(byte[] buffer, int start, int end, byte[] lower) {
    for (int at = start; at + lower.length <= end; at++) {
      if (equalsIgnoreCase(buffer, at, lower)) {
        return true;
      }
    }
    return false;
  }

  /** The decimal number in {@code buffer[start, end)}, or -1 if it is empty, not digits or too big. */
  static long parseDecimal(byte[] buffer, int start, int end) {
    if (start == end || end - start > 18) {
      return -1;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      int d = buffer[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** The hexadecimal chunk size at the start of line {@code [start, lineEnd)}, or -1. */
  static long parseChunkSize(byte[] buffer, int start, int lineEnd) {
    long value = 0;
    int digits = 0;
    for (int i = start; i < lineEnd; i++) {
      int c = buffer[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        d = (c | 0x20) - 'a' + 10;
      } else if (c == ';' || c == '\r' || c == ' ' || c == '\t') {
        break; // chunk extensions and whitespace are ignored
      } else {
        return -1;
      }
      if (++digits > 15) {
        return -1;
      }
      value = value * 16 + d;
    }
    return digits == 0 ? -1 : value;
  }

  private static byte[] lower(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
