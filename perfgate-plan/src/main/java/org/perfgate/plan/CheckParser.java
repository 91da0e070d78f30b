package org.perfgate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.perfgate.model.Check;
import org.perfgate.model.Extraction;

/** A request's {@code checks} (status, header, bodyContains, jsonPath) and {@code extract} variables. */
final class CheckParser {
  private static final List<String> CHECK_KINDS = List.of("status", "header", "bodyContains", "jsonPath");
  private static final List<String> ALL_CHECK_FIELDS =
      List.of("name", "status", "header", "contains", "bodyContains", "jsonPath", "equals", "exists");
  private static final List<String> EXTRACT_SOURCES = List.of("jsonPath", "header", "regex");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private CheckParser() {}

  static List<Check> checks(Node node, String path) {
    Node.ListNode list = Values.list(node, path);
    List<Check> checks = new ArrayList<>();
    for (Node item : list.items()) {
      checks.add(check(item, Errors.item(path, checks.size())));
    }
    return checks;
  }

  private static Check check(Node node, String path) {
    // First reject keys no check has (with a typo hint), then keys this kind of check does not take.
    Fields any = Fields.of(node, path, ALL_CHECK_FIELDS);
    String kind = any.exactlyOne(CHECK_KINDS, "what to check");
    Fields fields = Fields.of(node, path, switch (kind) {
      case "header" -> List.of("name", "header", "contains");
      case "jsonPath" -> List.of("name", "jsonPath", "equals", "exists");
      default -> List.of("name", kind);
    }, "for a " + kind + " check");
    Optional<String> name = fields.optional("name", Values::nonEmptyText);
    return switch (kind) {
      case "status" -> {
        int status = fields.required("status", Values::status);
        yield new Check.Status(name.orElse("status is " + status), status);
      }
      case "header" -> {
        String header = fields.required("header", Values::nonEmptyText);
        String contains = fields.get("contains", Values::nonEmptyText, "");
        String fallback = contains.isEmpty()
            ? "header " + header + " present"
            : "header " + header + " contains " + contains;
        yield new Check.Header(name.orElse(fallback), header, contains);
      }
      case "bodyContains" -> {
        String text = fields.required("bodyContains", Values::nonEmptyText);
        yield new Check.BodyContains(name.orElse("body contains " + text), text);
      }
      default -> {
        String jsonPath = fields.required("jsonPath", CheckParser::jsonPath);
        if (fields.has("exists")) {
          if (fields.has("equals")) {
            throw Errors.at(fields.keyLocation("exists"), fields.pathOf("exists"),
                "give either 'equals' or 'exists', not both");
          }
          boolean exists = fields.required("exists", Values::bool);
          yield new Check.JsonPathExists(
              name.orElse(jsonPath + (exists ? " exists" : " does not exist")), jsonPath, exists);
        }
        String expectedJson = expectedJson(fields, jsonPath);
        yield new Check.JsonPathEquals(name.orElse(jsonPath + " equals " + expectedJson), jsonPath, expectedJson);
      }
    };
  }

  /** The JSON text of {@code equals}, as written. */
  private static String expectedJson(Fields fields, String path) {
    Node equals = fields.optional("equals").orElseThrow(() -> Errors.at(fields.location(), fields.path(),
        "missing required field 'equals'; expected the JSON value " + path + " must equal (true, 42, \"text\")"));
    return JsonBody.text(equals, fields.pathOf("equals"));
  }

  /** {@code extract: {var: {jsonPath: $.x}}}: variables later steps read as {@code {{var}}}. */
  static List<Extraction> extracts(Node node, String path) {
    List<Extraction> extracts = new ArrayList<>();
    for (Node.Entry entry : Values.map(node, path).entries().values()) {
      String variable = entry.key();
      if (!VARIABLE.matcher(variable).matches() || variable.startsWith("__")) {
        throw Errors.at(entry.keyLocation(), path, "invalid variable name '" + variable
            + "'; expected letters, digits and _, not starting with a digit or __ (reserved for built-ins)");
      }
      String variablePath = Errors.child(path, variable);
      Fields fields = Fields.of(entry.value(), variablePath, EXTRACT_SOURCES);
      String source = fields.exactlyOne(EXTRACT_SOURCES, "where to extract from");
      extracts.add(switch (source) {
        case "jsonPath" -> new Extraction(
            variable, Extraction.Source.JSON_PATH, fields.required(source, CheckParser::jsonPath));
        case "header" -> new Extraction(
            variable, Extraction.Source.HEADER, fields.required(source, Values::nonEmptyText));
        default -> new Extraction(variable, Extraction.Source.REGEX, fields.required(source, CheckParser::regex));
      });
    }
    return extracts;
  }

  private static String jsonPath(Node node, String path) {
    String text = Values.nonEmptyText(node, path).strip();
    if (!text.startsWith("$")) {
      throw Errors.at(node, path, "expected a JSONPath starting with $ (e.g. $.token), got " + node.describe());
    }
    return text;
  }

  private static String regex(Node node, String path) {
    String text = Values.nonEmptyText(node, path);
    try {
      Pattern.compile(text);
      return text;
    } catch (PatternSyntaxException e) {
      throw Errors.at(node, path, "expected a valid regular expression, got " + node.describe() + ": "
          + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
