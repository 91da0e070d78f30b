package org.perfgate.plan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed conversions of (already substituted) values, each failing with a located error that names
 * the field path and says what was expected, e.g. {@code expected a positive whole number, got 'ten'}.
 * Every method has the shape of a {@link Fields.Converter}.
 */
final class Values {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  private Values() {}

  static Node.MapNode map(Node node, String path) {
    if (node instanceof Node.MapNode map) {
      return map;
    }
    throw Errors.at(node, path, "expected a mapping (key: value), got " + node.describe());
  }

  static Node.ListNode list(Node node, String path) {
    if (node instanceof Node.ListNode list) {
      return list;
    }
    throw Errors.at(node, path, "expected a list, got " + node.describe());
  }

  /** Any non-null scalar as text: numbers and booleans as written. */
  static String text(Node node, String path) {
    if (node instanceof Node.ScalarNode scalar && !scalar.isNull()) {
      return scalar.text();
    }
    throw Errors.at(node, path, "expected text, got " + node.describe());
  }

  static String nonEmptyText(Node node, String path) {
    String text = text(node, path);
    if (text.isBlank()) {
      throw Errors.at(node, path, "expected non-empty text, got ''");
    }
    return text;
  }

  static int positiveInt(Node node, String path) {
    return (int) whole(node, path, 1, Integer.MAX_VALUE, "a positive whole number");
  }

  static int nonNegativeInt(Node node, String path) {
    return (int) whole(node, path, 0, Integer.MAX_VALUE, "a whole number >= 0");
  }

  static long positiveLong(Node node, String path) {
    return whole(node, path, 1, Long.MAX_VALUE, "a positive whole number");
  }

  static long nonNegativeLong(Node node, String path) {
    return whole(node, path, 0, Long.MAX_VALUE, "a whole number >= 0");
  }

  /** An HTTP status code, 100-599. */
  static int status(Node node, String path) {
    return (int) whole(node, path, 100, 599, "an HTTP status code (100-599)");
  }

  static Duration positiveDuration(Node node, String path) {
    Duration duration = duration(node, path, "a positive duration");
    if (duration.isZero() || duration.isNegative()) {
      throw Errors.at(node, path, "expected a positive duration such as 500ms or 30s, got " + node.describe());
    }
    return duration;
  }

  static Duration nonNegativeDuration(Node node, String path) {
    Duration duration = duration(node, path, "a duration");
    if (duration.isNegative()) {
      throw Errors.at(node, path, "expected a duration >= 0 such as 0s or 30s, got " + node.describe());
    }
    return duration;
  }

  static boolean bool(Node node, String path) {
    if (node instanceof Node.ScalarNode scalar && !scalar.isNull()) {
      String text = scalar.text().strip();
      if (text.equalsIgnoreCase("true")) {
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw Errors.at(node, path, "expected true or false, got " + node.describe());
  }

  /** A mapping of names to text values (env, tags): keys must be non-empty, values scalars. */
  static Map<String, String> stringMap(Node node, String path) {
    Node.MapNode map = map(node, path);
    Map<String, String> result = new LinkedHashMap<>();
    for (Node.Entry entry : map.entries().values()) {
      if (entry.key().isBlank()) {
        throw Errors.at(entry.keyLocation(), path, "expected a non-empty name, got ''");
      }
      result.put(entry.key(), text(entry.value(), Errors.child(path, entry.key())));
    }
    return result;
  }

  private static long whole(Node node, String path, long min, long max, String expected) {
    if (node instanceof Node.ScalarNode scalar && !scalar.isNull()) {
      String text = scalar.text().strip();
      if (WHOLE_NUMBER.matcher(text).matches()) {
        long value;
        try {
          value = Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
          value = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value >= min && value <= max) {
          return value;
        }
        if (value > max && max >= Integer.MAX_VALUE) {
          throw Errors.at(node, path, "expected " + expected + " up to " + max + ", got " + node.describe());
        }
      }
    }
    throw Errors.at(node, path, "expected " + expected + ", got " + node.describe());
  }

  private static Duration duration(Node node, String path, String expected) {
    if (node instanceof Node.ScalarNode scalar && !scalar.isNull()) {
      try {
        return DurationParser.parse(scalar.text());
      } catch (IllegalArgumentException e) {
        String hint = WHOLE_NUMBER.matcher(scalar.text().strip()).matches()
            ? " (a plain number is not a duration: add a unit, e.g. " + scalar.text().strip() + "s)" : "";
        throw Errors.at(node, path, "expected " + expected + " such as 500ms, 30s, 1m30s or 2h, got "
            + node.describe() + hint);
      }
    }
    throw Errors.at(node, path, "expected " + expected + " such as 500ms, 30s, 1m30s or 2h, got " + node.describe());
  }
}
