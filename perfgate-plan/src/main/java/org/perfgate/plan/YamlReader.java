package org.perfgate.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a located {@link Node} tree with Jackson's streaming YAML parser. Rejects what
 * a plan cannot mean: several documents, duplicate keys, aliases, binary values.
 */
final class YamlReader {
  // Thread-safe once built; parsers are not, so each read makes its own. The builder does not apply
  // Jackson's default parser features, so they are set here: an empty value is null, and only
  // true/false are booleans (YAML 1.2), so `user: no` in a JSON body stays the string "no".
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String source;
  private final YAMLParser parser;

  private YamlReader(String source, YAMLParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /** The single document in {@code yaml}; an empty document is an error. */
  static Node read(String yaml, String source) {
    try (YAMLParser parser = FACTORY.createParser(yaml)) {
      YamlReader reader = new YamlReader(source, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw Errors.at(new SourceLocation(source, 1, 1), "",
            "the plan is empty; expected a mapping with options.scenarios");
      }
      Node root = reader.value(first, "", reader.here());
      if (parser.nextToken() != null) {
        throw Errors.at(reader.here(), "", "expected one YAML document, found a second one (remove the '---')");
      }
      return root;
    } catch (JacksonException e) {
      throw malformed(e, source);
    } catch (IOException e) {
      // Reading from a String cannot fail; the parser still declares IOException.
      throw Errors.at(new SourceLocation(source, 1, 1), "", "cannot read the plan: " + e.getMessage());
    }
  }

  /** @param owner where the owning key starts, or the value itself for list items and the root */
  private Node value(JsonToken token, String path, SourceLocation owner) throws IOException {
    SourceLocation at = here();
    if (parser.isCurrentAlias()) {
      throw Errors.at(at, path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
    }
    return switch (token) {
      case START_OBJECT -> mapping(path, at, owner);
      case START_ARRAY -> sequence(path, at, owner);
      case VALUE_STRING -> scalar(at, owner, Node.ScalarNode.Kind.STRING, null);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(at, owner, Node.ScalarNode.Kind.NUMBER, numberJson(token));
      case VALUE_TRUE -> scalar(at, owner, Node.ScalarNode.Kind.BOOLEAN, "true");
      case VALUE_FALSE -> scalar(at, owner, Node.ScalarNode.Kind.BOOLEAN, "false");
      case VALUE_NULL -> scalar(at, owner, Node.ScalarNode.Kind.NULL, "null");
      default -> throw Errors.at(at, path, "unsupported YAML value; expected text, a number, a list or a mapping");
    };
  }

  private Node mapping(String path, SourceLocation at, SourceLocation owner) throws IOException {
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
      if (token != JsonToken.FIELD_NAME) {
        throw new IllegalStateException("Jackson gave " + token + " inside a mapping");
      }
      String key = parser.currentName();
      SourceLocation keyAt = here();
      String childPath = Errors.child(path, key);
      Node.Entry previous = entries.get(key);
      if (previous != null) {
        throw Errors.at(keyAt, childPath,
            "duplicate key '" + key + "' (first written at line " + previous.keyLocation().line() + ")");
      }
      Node child = value(parser.nextToken(), childPath, keyAt);
      entries.put(key, new Node.Entry(key, keyAt, child));
    }
    return new Node.MapNode(at, owner, entries);
  }

  private Node sequence(String path, SourceLocation at, SourceLocation owner) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(token, Errors.item(path, items.size()), here()));
    }
    return new Node.ListNode(at, owner, items);
  }

  private Node scalar(SourceLocation at, SourceLocation owner, Node.ScalarNode.Kind kind, String jsonText)
      throws IOException {
    return new Node.ScalarNode(at, owner, kind, parser.getText(), jsonText);
  }

  /** The JSON form of a YAML number: as written when JSON allows it, else normalized; null for inf/nan. */
  private String numberJson(JsonToken token) throws IOException {
    String text = parser.getText();
    if (JSON_NUMBER.matcher(text).matches()) {
      return text;
    }
    try {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return parser.getBigIntegerValue().toString();
      }
      double value = parser.getDoubleValue();
      return Double.isFinite(value) ? BigDecimal.valueOf(value).toString() : null;
    } catch (JacksonException | NumberFormatException e) {
      // e.g. ".inf", "0o17" in a JSON body: reported when (and only if) a JSON form is needed.
      return null;
    }
  }

  private SourceLocation here() {
    return location(source, parser.currentTokenLocation());
  }

  private static SourceLocation location(String source, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return new SourceLocation(source, 1, 1);
    }
    return new SourceLocation(source, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** A one-line error at the place SnakeYAML (or else Jackson) blames, without context dumps. */
  private static InvalidInputException malformed(JacksonException exception, String source) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark problem = marked.getProblemMark();
        StringBuilder message = new StringBuilder("invalid YAML: ").append(oneLine(marked.getProblem()));
        Mark context = marked.getContextMark();
        if (marked.getContext() != null && context != null) {
          message.append(" (").append(oneLine(marked.getContext()))
              .append(" started at line ").append(context.getLine() + 1)
              .append(", column ").append(context.getColumn() + 1).append(')');
        }
        return Errors.at(new SourceLocation(source, problem.getLine() + 1, problem.getColumn() + 1), "",
            message.toString());
      }
    }
    String text = exception.getOriginalMessage() == null ? "unreadable input" : exception.getOriginalMessage();
    return Errors.at(location(source, exception.getLocation()), "",
        "invalid YAML: " + oneLine(text.lines().findFirst().orElse(text)));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
