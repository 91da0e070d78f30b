package org.perfgate.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Load-time {@code ${VAR}} / {@code ${VAR:-default}} substitution in every string scalar (never in
 * keys). As in the shell, the default is used when the variable is unset or empty; {@code $${} writes
 * a literal {@code ${}. Runs before typed conversion, so {@code vus: ${VUS:-10}} becomes the number 10.
 */
final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;
  private final Set<String> kept;

  private EnvSubstitution(Map<String, String> env, Set<String> kept) {
    this.env = env;
    this.kept = kept;
  }

  /** A copy of {@code root} with every string scalar substituted from {@code env}. */
  static Node apply(Node root, Map<String, String> env) {
    return new EnvSubstitution(env, Set.of()).walk(root, "");
  }

  /**
   * As {@link #apply(Node, Map)} for the value at {@code path}, except that {@code ${NAME}} of a
   * {@code kept} name stays as written, to be replaced later by whoever knows its value.
   */
  static Node apply(Node node, String path, Map<String, String> env, Set<String> kept) {
    return new EnvSubstitution(env, kept).walk(node, path);
  }

  private Node walk(Node node, String path) {
    return switch (node) {
      case Node.MapNode map -> {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        for (Node.Entry entry : map.entries().values()) {
          Node value = walk(entry.value(), Errors.child(path, entry.key()));
          entries.put(entry.key(), new Node.Entry(entry.key(), entry.keyLocation(), value));
        }
        yield new Node.MapNode(map.location(), map.keyLocation(), entries);
      }
      case Node.ListNode list -> {
        List<Node> items = new ArrayList<>(list.items().size());
        for (Node item : list.items()) {
          items.add(walk(item, Errors.item(path, items.size())));
        }
        yield new Node.ListNode(list.location(), list.keyLocation(), items);
      }
      case Node.ScalarNode scalar -> scalar.kind() == Node.ScalarNode.Kind.STRING && scalar.text().contains("${")
          ? scalar.withText(substitute(scalar, path))
          : scalar;
    };
  }

  private String substitute(Node.ScalarNode scalar, String path) {
    String text = scalar.text();
    StringBuilder result = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      if (text.startsWith("$${", at)) {
        result.append("${");
        at += 3;
      } else if (text.startsWith("${", at)) {
        int close = text.indexOf('}', at + 2);
        if (close < 0) {
          throw Errors.at(scalar, path, "unclosed '${' in '" + text + "'; expected ${NAME} or ${NAME:-default}"
              + " (write $${ for a literal ${)");
        }
        result.append(resolve(text.substring(at + 2, close), scalar, path));
        at = close + 1;
      } else {
        result.append(text.charAt(at));
        at++;
      }
    }
    return result.toString();
  }

  private String resolve(String reference, Node.ScalarNode scalar, String path) {
    int separator = reference.indexOf(":-");
    String name = separator < 0 ? reference : reference.substring(0, separator);
    String fallback = separator < 0 ? null : reference.substring(separator + 2);
    if (!NAME.matcher(name).matches()) {
      throw Errors.at(scalar, path, "invalid environment variable reference '${" + reference
          + "}'; expected ${NAME} or ${NAME:-default} with NAME made of letters, digits and _");
    }
    if (fallback == null && kept.contains(name)) {
      return "${" + name + "}";
    }
    String value = env.get(name);
    if (fallback != null && (value == null || value.isEmpty())) {
      return fallback;
    }
    if (value == null) {
      throw Errors.at(scalar, path, "environment variable " + name + " is not set; set it (e.g. -e " + name
          + "=...) or give a default: ${" + name + ":-default}");
    }
    return value;
  }
}
