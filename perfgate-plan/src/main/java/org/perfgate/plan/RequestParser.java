package org.perfgate.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.perfgate.model.Check;
import org.perfgate.model.Extraction;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Step;
import org.perfgate.model.Template;

/** One {@code request} step: URL, method, headers, query, body, tags, checks, extracts, expected statuses. */
final class RequestParser {
  private static final List<String> FIELDS = List.of("name", "method", "url", "headers", "query", "json", "body",
      "tags", "checks", "extract", "expectedStatuses");
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");
  // RFC 9110 token characters.
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private RequestParser() {}

  /**
   * @param known variables extracted by earlier requests of the flow; this request's own extracts are
   *     not usable in it
   */
  static Step.Request parse(Node node, String path, Set<String> known) {
    Fields fields = Fields.of(node, path, FIELDS);
    Node urlNode = fields.required("url");
    Template url = url(urlNode, fields.pathOf("url"), known);
    // The name tag defaults to the URL as written (after ${VAR} substitution), so /items/{{id}} is one series.
    String name = fields.get("name", Values::nonEmptyText, Values.text(urlNode, fields.pathOf("url")));
    String method = fields.get("method", RequestParser::method, "GET");
    Map<String, Template> headers = fields.get("headers", (n, p) -> templates(n, p, known, true), Map.of());
    Map<String, Template> query = fields.get("query", (n, p) -> templates(n, p, known, false), Map.of());
    Optional<Step.Body> body = body(fields, known);
    Map<String, String> tags = fields.get("tags", Values::stringMap, Map.of());
    List<Check> checks = fields.get("checks", CheckParser::checks, List.of());
    List<Extraction> extracts = fields.get("extract", CheckParser::extracts, List.of());
    Step.StatusRange expected = fields.get("expectedStatuses", RequestParser::statusRange, Step.StatusRange.K6_DEFAULT);
    return Errors.build(fields.location(), path,
        () -> new Step.Request(name, method, url, headers, query, body, checks, extracts, tags, expected));
  }

  /**
   * An absolute http(s) URL. The scheme must be written out; variables may stand for any other part,
   * including the host, so the URL is checked with each variable replaced by a placeholder.
   */
  private static Template url(Node node, String path, Set<String> known) {
    String text = Values.nonEmptyText(node, path);
    Template template = Templates.parse(node, path, known);
    String lower = text.strip().toLowerCase(Locale.ROOT);
    String expected = "expected an absolute http:// or https:// URL (scheme written out), got " + node.describe();
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw Errors.at(node, path, expected);
    }
    try {
      URI uri = new URI(template.render(variable -> "x").strip());
      if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
        throw Errors.at(node, path, expected + ": it has no host");
      }
    } catch (URISyntaxException e) {
      throw Errors.at(node, path, expected + ": " + e.getReason() + " at index " + e.getIndex());
    }
    return template;
  }

  private static String method(Node node, String path) {
    String method = Values.nonEmptyText(node, path).strip().toUpperCase(Locale.ROOT);
    if (!METHOD.matcher(method).matches()) {
      throw Errors.at(node, path, "expected an HTTP method such as GET, POST, PUT or DELETE, got " + node.describe());
    }
    return method;
  }

  private static Map<String, Template> templates(Node node, String path, Set<String> known, boolean headers) {
    Map<String, Template> result = new LinkedHashMap<>();
    for (Node.Entry entry : Values.map(node, path).entries().values()) {
      if (headers ? !HEADER_NAME.matcher(entry.key()).matches() : entry.key().isEmpty()) {
        throw Errors.at(entry.keyLocation(), path, headers
            ? "invalid header name '" + entry.key() + "'; expected letters, digits and - (e.g. Content-Type)"
            : "expected a parameter name, got ''");
      }
      result.put(entry.key(), Templates.parse(entry.value(), Errors.child(path, entry.key()), known));
    }
    return result;
  }

  private static Optional<Step.Body> body(Fields fields, Set<String> known) {
    if (fields.has("json") && fields.has("body")) {
      SourceLocation json = fields.keyLocation("json");
      SourceLocation body = fields.keyLocation("body");
      boolean jsonLater = json.line() != body.line() ? json.line() > body.line() : json.column() > body.column();
      String second = jsonLater ? "json" : "body";
      throw Errors.at(fields.keyLocation(second), fields.path(), "set either 'json' or 'body', not both");
    }
    if (fields.has("json")) {
      Template json = JsonBody.template(fields.required("json"), fields.pathOf("json"), known);
      return Optional.of(new Step.Body("application/json", json, true));
    }
    if (fields.has("body")) {
      Template text = Templates.parse(fields.required("body"), fields.pathOf("body"), known);
      return Optional.of(new Step.Body("text/plain", text, false));
    }
    return Optional.empty();
  }

  private static Step.StatusRange statusRange(Node node, String path) {
    Fields fields = Fields.of(node, path, List.of("from", "to"));
    int from = fields.required("from", Values::status);
    int to = fields.required("to", Values::status);
    if (to < from) {
      throw Errors.at(fields.required("to"), fields.pathOf("to"),
          "expected a status >= from (" + from + "), got '" + to + "'");
    }
    return new Step.StatusRange(from, to);
  }
}
