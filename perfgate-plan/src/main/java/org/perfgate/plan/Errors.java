package org.perfgate.plan;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.SourceLocation;

/** Builds the located errors of the plan module and the "did you mean" hints they carry. */
final class Errors {
  private Errors() {}

  /** {@code file:line:col: path: message}; the path is left out at the root. */
  static InvalidInputException at(SourceLocation location, String path, String message) {
    return new InvalidInputException(location, path.isEmpty() ? message : path + ": " + message);
  }

  /** An error about a value, located where the value starts. */
  static InvalidInputException at(Node node, String path, String message) {
    return at(node.location(), path, message);
  }

  /**
   * Runs a model constructor whose arguments were already validated; should one still object, its
   * message becomes a located error instead of escaping as an IllegalArgumentException.
   */
  static <T> T build(SourceLocation location, String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw at(location, path, e.getMessage());
    }
  }

  /** {@code path.key}, or {@code key} at the root. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** {@code path[index]}. */
  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * {@code unknown <what> 'input' (did you mean 'x'?); expected one of a, b, c} — the hint only when
   * one candidate is an obvious typo away.
   */
  static String unknown(String what, String input, Collection<String> candidates) {
    return unknown(what, input, "", candidates);
  }

  /** As {@link #unknown(String, String, Collection)}, with {@code context} (e.g. "for executor x") after the name. */
  static String unknown(String what, String input, String context, Collection<String> candidates) {
    StringBuilder message = new StringBuilder("unknown ").append(what).append(" '").append(input).append('\'');
    if (!context.isEmpty()) {
      message.append(' ').append(context);
    }
    closest(input, candidates).ifPresent(best -> message.append(" (did you mean '").append(best).append("'?)"));
    return message.append("; expected one of ").append(String.join(", ", candidates)).toString();
  }

  /** The candidate within a small edit distance of {@code input}, if exactly one is closest. */
  static Optional<String> closest(String input, Collection<String> candidates) {
    String lower = input.toLowerCase(Locale.ROOT);
    // Allow about one typo per four characters, at least one: "vu" -> "vus", "treshold" -> "threshold".
    int limit = Math.max(1, input.length() / 4);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String candidate : candidates) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
        tie = false;
      } else if (distance == bestDistance) {
        tie = true;
      }
    }
    return best != null && !tie && bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /**
   * Edit distance counting an adjacent swap as one edit ("traget" -> "target"), as typos go; inputs
   * are field names, so the quadratic table is tiny.
   */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
