package org.perfgate.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * The service's whole JSON support: quoting strings for hand-written response bodies, and a strict
 * parser for request bodies.
 *
 * <p>The parser handles only a flat object whose values are all strings, such as {@code
 * {"user":"alice","password":"secret"}}, which is every request body the service accepts. It
 * rejects everything else with {@link RequestRejected} (400): other value types (numbers, booleans,
 * null, arrays, nested objects), duplicate keys, unescaped control characters, malformed escapes
 * and trailing text. A full JSON library would be the only dependency of this module.
 */
final class FlatJson {
  private final String text;
  private int position;

  private FlatJson(String text) {
    this.text = text;
  }

  /** Parses a flat object of string values; keys keep no order. */
  static Map<String, String> parseObject(String text) {
    return new FlatJson(text).object();
  }

  /** {@code value} as a JSON string literal, quotes included. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private Map<String, String> object() {
    Map<String, String> fields = new HashMap<>();
    skipWhitespace();
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      position++;
    } else {
      while (true) {
        skipWhitespace();
        int keyPosition = position;
        String key = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        if (peek() != '"') {
          throw error("a string value (only flat objects of strings are accepted)");
        }
        if (fields.put(key, string()) != null) {
          throw RequestRejected.badRequest(
              "invalid JSON body at offset " + keyPosition + ": duplicate key " + quote(key));
        }
        skipWhitespace();
        char next = peek();
        position++;
        if (next == '}') {
          break;
        }
        if (next != ',') {
          position--;
          throw error("',' or '}'");
        }
      }
    }
    skipWhitespace();
    if (position < text.length()) {
      throw error("end of input");
    }
    return fields;
  }

  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("'\"' closing the string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        position--;
        throw error("no control character inside a string (escape it)");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("an escape character");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(unicodeEscape());
        default -> {
          position--;
          throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
      }
    }
  }

  private char unicodeEscape() {
    if (position + 4 > text.length()) {
      throw error("four hex digits after \\u");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(position), 16);
      if (digit < 0) {
        throw error("four hex digits after \\u");
      }
      code = code * 16 + digit;
      position++;
    }
    return (char) code;
  }

  private void expect(char expected) {
    if (peek() != expected) {
      throw error("'" + expected + "'");
    }
    position++;
  }

  /** The next char, or {@code '\0'} at the end (never valid where a token is expected). */
  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private RequestRejected error(String expected) {
    String found =
        position < text.length() ? quote(String.valueOf(text.charAt(position))) : "end of input";
    return RequestRejected.badRequest(
        "invalid JSON body at offset " + position + ": expected " + expected + ", found " + found);
  }
}
