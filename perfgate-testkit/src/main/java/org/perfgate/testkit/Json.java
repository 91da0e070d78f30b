package org.perfgate.testkit;

/** The few JSON writing helpers the endpoints need; the testkit has no JSON library on purpose. */
final class Json {
  private Json() {}

  /** Appends {@code text} as a JSON string literal, quotes included. */
  static StringBuilder quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** Appends {@code "name":} for an object member. */
  static StringBuilder name(StringBuilder out, String name) {
    return quote(out, name).append(':');
  }
}
