package org.perfgate.http;

/**
 * The kept prefix of a response body, reused for every response of a VU: it grows on demand up to
 * {@code maxBytes} and never shrinks, so a steady load allocates nothing. Bytes beyond {@code
 * maxBytes} are dropped by {@link #append} (the caller still counts them). It starts empty and
 * grows to what the responses need (a Content-Length body exactly), so 100,000 VUs of small
 * responses hold a few hundred bytes each, not 4 KiB.
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
