package org.perfgate.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.SourceLocation;

/**
 * A YAML value that remembers where it was written, so every error can name {@code file:line:col}.
 * {@link #location()} is where the value starts; {@link #keyLocation()} is where the key that owns it
 * starts (the value's own location for list items and the root), used for "missing field" errors.
 */
sealed interface Node {
  SourceLocation location();

  SourceLocation keyLocation();

  /** What the value is, for "expected X, got Y" messages. */
  String describe();

  /** A mapping; {@code entries} keep the file order. */
  record MapNode(SourceLocation location, SourceLocation keyLocation, Map<String, Entry> entries)
      implements Node {
    public MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    Optional<Node> get(String key) {
      Entry entry = entries.get(key);
      return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One {@code key: value} pair of a mapping. */
  record Entry(String key, SourceLocation keyLocation, Node value) {}

  /** A sequence. */
  record ListNode(SourceLocation location, SourceLocation keyLocation, List<Node> items)
      implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar. {@code text} is the value after {@code ${VAR}} substitution (for strings) or as written
   * (numbers, booleans); {@code jsonText} is its JSON form for numbers, booleans and null, else null.
   */
  record ScalarNode(
      SourceLocation location, SourceLocation keyLocation, Kind kind, String text, String jsonText)
      implements Node {

    /** The YAML type the scalar resolved to. */
    enum Kind {
      STRING, NUMBER, BOOLEAN, NULL
    }

    ScalarNode withText(String newText) {
      return new ScalarNode(location, keyLocation, kind, newText, jsonText);
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }

    /** {@code 'text'} on one line, cut after 60 characters; {@code nothing} for null. */
    @Override
    public String describe() {
      if (kind == Kind.NULL) {
        return "nothing";
      }
      String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
      return "'" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "'";
    }
  }
}
