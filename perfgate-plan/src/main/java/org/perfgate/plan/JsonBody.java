package org.perfgate.plan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.perfgate.model.Template;

/**
 * Turns any YAML value into compact JSON text: YAML numbers, booleans and null stay JSON literals,
 * strings become JSON strings. For request bodies, {@code {{var}}} inside string values become
 * template variables (rendered JSON-escaped at run time); keys are never templates.
 */
final class JsonBody {
  private final List<Template.Part> parts = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();
  private final Set<String> known;

  /** @param known the variables templates may use; null means templates are not expanded */
  private JsonBody(Set<String> known) {
    this.known = known;
  }

  /** A JSON body template; every variable is checked against {@code known}. */
  static Template template(Node node, String path, Set<String> known) {
    JsonBody body = new JsonBody(known);
    body.write(node, path);
    body.flush();
    return new Template(body.parts);
  }

  /** Plain JSON text, {@code {{...}}} kept as written (for check values). */
  static String text(Node node, String path) {
    JsonBody body = new JsonBody(null);
    body.write(node, path);
    return body.literal.toString();
  }

  private void write(Node node, String path) {
    switch (node) {
      case Node.MapNode map -> {
        literal.append('{');
        String separator = "";
        for (Node.Entry entry : map.entries().values()) {
          literal.append(separator);
          quoted(entry.key());
          literal.append(':');
          write(entry.value(), Errors.child(path, entry.key()));
          separator = ",";
        }
        literal.append('}');
      }
      case Node.ListNode list -> {
        literal.append('[');
        for (int i = 0; i < list.items().size(); i++) {
          literal.append(i == 0 ? "" : ",");
          write(list.items().get(i), Errors.item(path, i));
        }
        literal.append(']');
      }
      case Node.ScalarNode scalar when scalar.kind() == Node.ScalarNode.Kind.STRING -> string(scalar, path);
      case Node.ScalarNode scalar -> {
        if (scalar.jsonText() == null) {
          throw Errors.at(scalar, path, "expected a value JSON can hold, got " + scalar.describe());
        }
        literal.append(scalar.jsonText());
      }
    }
  }

  private void string(Node.ScalarNode scalar, String path) {
    literal.append('"');
    if (known == null) {
      escaped(scalar.text());
    } else {
      for (Template.Part part : Template.parse(scalar.text()).parts()) {
        switch (part) {
          case Template.Literal text -> escaped(text.text());
          case Template.Variable variable -> {
            Templates.check(variable.name(), scalar, path, known);
            flush();
            parts.add(variable);
          }
        }
      }
    }
    literal.append('"');
  }

  private void quoted(String text) {
    literal.append('"');
    escaped(text);
    literal.append('"');
  }

  private void escaped(String text) {
    literal.append(JsonStringEncoder.getInstance().quoteAsString(text));
  }

  private void flush() {
    if (!literal.isEmpty()) {
      parts.add(new Template.Literal(literal.toString()));
      literal.setLength(0);
    }
  }
}
