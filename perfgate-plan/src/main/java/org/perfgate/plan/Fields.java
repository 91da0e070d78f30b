package org.perfgate.plan;

import java.util.List;
import java.util.Optional;
import org.perfgate.model.SourceLocation;

/**
 * A mapping being read as an object with a fixed set of fields: unknown keys are rejected on
 * creation (with a "did you mean" hint), and getters convert values with a {@link Converter} that
 * reports errors under {@code path.key}.
 */
final class Fields {
  /** Converts one value, throwing a located error that names {@code path}. */
  @FunctionalInterface
  interface Converter<T> {
    T convert(Node node, String path);
  }

  private final Node.MapNode map;
  private final String path;

  private Fields(Node.MapNode map, String path) {
    this.map = map;
    this.path = path;
  }

  /** Requires {@code node} to be a mapping whose keys are all in {@code allowed} (listed in that order). */
  static Fields of(Node node, String path, List<String> allowed) {
    return of(node, path, allowed, "");
  }

  /** As {@link #of(Node, String, List)}; {@code context} (e.g. "for executor constant-vus") goes in the message. */
  static Fields of(Node node, String path, List<String> allowed, String context) {
    Node.MapNode map = Values.map(node, path);
    for (Node.Entry entry : map.entries().values()) {
      if (!allowed.contains(entry.key())) {
        throw Errors.at(entry.keyLocation(), path, Errors.unknown("field", entry.key(), context, allowed));
      }
    }
    return new Fields(map, path);
  }

  String path() {
    return path;
  }

  /** Where the mapping's owning key was written: the place to blame for a missing field. */
  SourceLocation location() {
    return map.keyLocation();
  }

  String pathOf(String key) {
    return Errors.child(path, key);
  }

  boolean has(String key) {
    return map.entries().containsKey(key);
  }

  SourceLocation keyLocation(String key) {
    Node.Entry entry = map.entries().get(key);
    return entry == null ? map.keyLocation() : entry.keyLocation();
  }

  Optional<Node> optional(String key) {
    return map.get(key);
  }

  Node required(String key) {
    return map.get(key).orElseThrow(() -> Errors.at(map.keyLocation(), path, "missing required field '" + key + "'"));
  }

  <T> T required(String key, Converter<T> converter) {
    return converter.convert(required(key), pathOf(key));
  }

  <T> Optional<T> optional(String key, Converter<T> converter) {
    return map.get(key).map(node -> converter.convert(node, pathOf(key)));
  }

  <T> T get(String key, Converter<T> converter, T fallback) {
    return optional(key, converter).orElse(fallback);
  }

  /** Exactly one of {@code keys} is present: returns it, else an error listing them. */
  String exactlyOne(List<String> keys, String what) {
    String found = null;
    for (String key : keys) {
      if (has(key)) {
        if (found != null) {
          throw Errors.at(keyLocation(key), path, "set either '" + found + "' or '" + key + "', not both");
        }
        found = key;
      }
    }
    if (found == null) {
      throw Errors.at(map.keyLocation(), path, "missing " + what + "; expected one of " + String.join(", ", keys));
    }
    return found;
  }
}
