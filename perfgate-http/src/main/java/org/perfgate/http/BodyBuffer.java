package org.perfgate.http;

/**
 * The kept prefix of a response body, reused for every response of a VU: it grows on demand up to
 * {@code maxBytes} and never shrinks while the VU is busy, so a steady load allocates nothing.
 * Bytes beyond {@code maxBytes} are dropped by {@link #append} (the caller still counts them). It
 * starts empty and {@link #release} empties it again when the VU thinks: 100,000 VUs in think
 * time must not hold a body each.
 */
final class BodyBuffer {
  private static final byte[] NONE = new byte[0];
  /** The first allocation: most bodies of a load test fit, few waste much. */
  private static final int INITIAL_BYTES = 1024;

  private final int maxBytes;
  private byte[] bytes = NONE;
  private int length;

  BodyBuffer(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  void clear() {
    length = 0;
  }

  /** Drops the buffer (after its content was used); the next response allocates one again. */
  void release() {
    bytes = NONE;
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
      int grown = Math.max(length + kept, Math.max(bytes.length * 2, INITIAL_BYTES));
      bytes = java.util.Arrays.copyOf(bytes, Math.min(maxBytes, grown));
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
