package org.perfgate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Text with run-time variables, pre-split so rendering is a loop over parts. Variables are written
 * {@code {{name}}}: a value extracted earlier in the iteration, or a built-in ({@code __VU},
 * {@code __ITER}, {@code __ENV.NAME}). Load-time {@code ${VAR}} substitution happens earlier, in the
 * plan parser.
 *
 * @param parts literal text and variable references, in order
 */
public record Template(List<Part> parts) {
  public Template {
    parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part {}

  /** Text copied as is. */
  public record Literal(String text) implements Part {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A {@code {{name}}} reference. */
  public record Variable(String name) implements Part {
    public Variable {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A template with no variables. */
  public static Template literal(String text) {
    return new Template(List.of(new Literal(text)));
  }

  /**
   * Splits {@code text} at {@code {{name}}} references; an unclosed {@code {{} is literal text.
   */
  public static Template parse(String text) {
    List<Part> parts = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int open = text.indexOf("{{", from);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (open < 0 || close < 0) {
        parts.add(new Literal(text.substring(from)));
        break;
      }
      if (open > from) {
        parts.add(new Literal(text.substring(from, open)));
      }
      parts.add(new Variable(text.substring(open + 2, close).trim()));
      from = close + 2;
    }
    return new Template(parts);
  }

  /** True when rendering always gives the same text. */
  public boolean isConstant() {
    for (Part part : parts) {
      if (part instanceof Variable) {
        return false;
      }
    }
    return true;
  }

  /** The names referenced, in order of appearance. */
  public List<String> variables() {
    List<String> names = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Variable variable) {
        names.add(variable.name());
      }
    }
    return names;
  }

  /** Renders with {@code lookup} giving each variable's value (it must not return null). */
  public String render(Function<String, String> lookup) {
    if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
      return literal.text();
    }
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Literal literal -> text.append(literal.text());
        case Variable variable -> text.append(lookup.apply(variable.name()));
      }
    }
    return text.toString();
  }

  /** The source form, with {@code {{name}}} references. */
  @Override
  public String toString() {
    return render(name -> "{{" + name + "}}");
  }
}
