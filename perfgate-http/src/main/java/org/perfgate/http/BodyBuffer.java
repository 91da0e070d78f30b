package org.perfgate.http;

/**
 * The kept prefix of a response body, reused for every response of a VU: it grows on demand up to
 * {@code maxBytes} and never shrinks, so a steady load allocates nothing. Bytes beyond {@code
 * maxBytes} are dropped by {@link #append} (the caller still counts them).
 */
final class BodyBuffer {
  private final int maxBytes;
  private byte[] bytes;
  private int length;

  BodyBuffer(int maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = new byte[Math.min(maxBytes, 4096)];
  }

  void clear() {
    length = 0;
  }

  /** Makes room for {@code expected} more bytes at once (when Content-Length announces them). */
  void reserve(long expected) {
    long wanted = Math.min(maxBytes, length + expected);
    if (wanted > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, (int) wanted);
    }
  }

  /** Keeps as much of {@code source[offset, offset + count)} as fits under {@code maxBytes}. */
  void append(byte[] source, int offset, int count) {
    int kept = Math.min(count, maxBytes - length);
    if (kept <= 0) {
      return;
    }
    if (length + kept > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(length + kept, bytes.length * 2)));
    }
    System.arraycopy(source, offset, bytes, length, kept);
    length += kept;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }
}
