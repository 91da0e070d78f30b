package org.perfgate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.perfgate.model.Template;

/**
 * Load-time checks of {@code {{name}}} references: each must be a built-in ({@code __VU},
 * {@code __ITER}, {@code __ENV.NAME}) or a variable that an earlier request of the same flow extracts.
 */
final class Templates {
  private static final String ENV_PREFIX = "__ENV.";

  private Templates() {}

  /** The template written in scalar {@code node}, every variable checked against {@code known}. */
  static Template parse(Node node, String path, Set<String> known) {
    Template template = Template.parse(Values.text(node, path));
    for (String variable : template.variables()) {
      check(variable, node, path, known);
    }
    return template;
  }

  /** Throws a located error unless {@code variable} is a built-in or in {@code known}. */
  static void check(String variable, Node node, String path, Set<String> known) {
    if (variable.equals("__VU") || variable.equals("__ITER") || known.contains(variable)) {
      return;
    }
    if (variable.startsWith(ENV_PREFIX)) {
      if (variable.length() > ENV_PREFIX.length()) {
        return;
      }
      throw Errors.at(node, path, "'{{__ENV.}}' names no variable; expected {{__ENV.NAME}}");
    }
    List<String> candidates = new ArrayList<>(known);
    candidates.addAll(List.of("__VU", "__ITER", "__ENV.NAME"));
    StringBuilder message = new StringBuilder("{{").append(variable).append("}} is not defined");
    Errors.closest(variable, candidates)
        .ifPresent(best -> message.append(" (did you mean {{").append(best).append("}}?)"));
    message.append("; expected a variable extracted by an earlier request of this flow");
    if (!known.isEmpty()) {
      message.append(" (").append(String.join(", ", known)).append(')');
    }
    message.append(" or a built-in: __VU, __ITER, __ENV.NAME");
    throw Errors.at(node, path, message.toString());
  }
}
