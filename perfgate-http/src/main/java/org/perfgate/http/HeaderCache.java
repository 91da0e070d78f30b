package org.perfgate.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.perfgate.engine.spi.HttpExchange;

/**
 * Turns response header lines into the name and value strings the SPI wants, reusing the strings
 * of the previous response when the line at the same position has the same bytes. Under load a
 * target answers the same headers again and again, so this saves two strings per header per
 * request; only lines that change (say {@code Date}, once a second) allocate.
 */
final class HeaderCache {
  private static final int SLOTS = 32;

  private final byte[][] lines = new byte[SLOTS][];
  private final int[] lengths = new int[SLOTS];
  private final String[] names = new String[SLOTS];
  private final String[] values = new String[SLOTS];

  /**
   * Adds the header at position {@code index} of the response: the line is {@code buffer[start,
   * lineEnd)}, its name {@code [start, nameEnd)} and its value {@code [valueStart, valueEnd)}.
   */
  void addTo(
      HttpExchange exchange, int index, byte[] buffer, int start, int nameEnd, int valueStart, int valueEnd, int lineEnd) {
    int length = lineEnd - start;
    if (index < SLOTS) {
      byte[] cached = lines[index];
      if (cached != null && lengths[index] == length && Arrays.equals(cached, 0, length, buffer, start, lineEnd)) {
        exchange.addResponseHeader(names[index], values[index]);
        return;
      }
    }
    String name = new String(buffer, start, nameEnd - start, StandardCharsets.ISO_8859_1);
    String value = new String(buffer, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
    if (index < SLOTS) {
      byte[] cached = lines[index];
      if (cached == null || cached.length < length) {
        cached = new byte[Math.max(length, 64)];
        lines[index] = cached;
      }
      System.arraycopy(buffer, start, cached, 0, length);
      lengths[index] = length;
      names[index] = name;
      values[index] = value;
    }
    exchange.addResponseHeader(name, value);
  }
}
