package org.perfgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.perfgate.model.Aggregation;
import org.perfgate.model.CheckResult;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Threshold;
import org.perfgate.model.ThresholdResult;
import org.perfgate.model.TrendStats;

/**
 * Reads what {@link JsonCodec} writes, back into an equal {@link RunResult}. Content errors name the
 * JSON path and what was expected, e.g. {@code $.metrics[2].values.type: expected one of trend,
 * counter, rate, gauge, was "histogram"}.
 */
final class JsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReader() {}

  /** A result file's content is not what {@link JsonCodec} writes. */
  static final class MalformedResultException extends IOException {
    MalformedResultException(String message) {
      super(message);
    }
  }

  static RunResult read(Reader reader) throws IOException {
    JsonNode tree = MAPPER.readTree(reader);
    if (tree == null || tree.isMissingNode()) {
      throw new MalformedResultException("empty file, expected a perfgate result (" + JsonCodec.FORMAT + ")");
    }
    Node root = new Node(tree, "$");
    String format = root.text("format");
    if (!JsonCodec.FORMAT.equals(format)) {
      throw new MalformedResultException("$.format: expected \"" + JsonCodec.FORMAT + "\", was \"" + format + "\"");
    }
    try {
      return new RunResult(
          root.text("planName"),
          root.text("planSource"),
          root.parse("started", Instant::parse),
          root.parse("elapsed", Duration::parse),
          root.list("metrics", JsonReader::metric),
          root.list("series", JsonReader::seriesPoint),
          root.list("thresholds", JsonReader::threshold),
          root.list("checks", JsonReader::check),
          failures(root.object("failures")),
          root.optionalText("abortReason"));
    } catch (IllegalArgumentException | NullPointerException e) {
      // A record's own validation (e.g. a negative duration): say so, with the model's message.
      throw new MalformedResultException("invalid result: " + e.getMessage());
    }
  }

  private static MetricResult metric(Node node) throws MalformedResultException {
    String type = node.text("type");
    MetricType metricType = switch (type) {
      case "trend", "counter", "rate", "gauge" -> MetricType.valueOf(type.toUpperCase(Locale.ROOT));
      default -> throw node.field("type").unexpected("one of trend, counter, rate, gauge", type);
    };
    return new MetricResult(key(node), metricType, values(node.object("values")));
  }

  private static SeriesPoint seriesPoint(Node node) throws MalformedResultException {
    return new SeriesPoint(node.longValue("second"), key(node), values(node.object("values")));
  }

  /** The inverse of {@link JsonCodec#writeKey}: the structured {@code name} and {@code tags}. */
  static MetricKey key(Node node) throws MalformedResultException {
    Map<String, String> tags = new TreeMap<>();
    Node tagsNode = node.object("tags");
    for (Map.Entry<String, JsonNode> tag : tagsNode.json().properties()) {
      tags.put(tag.getKey(), tagsNode.text(tag.getKey()));
    }
    return MetricKey.of(node.text("name"), tags);
  }

  private static MetricValues values(Node node) throws MalformedResultException {
    String type = node.text("type");
    return switch (type) {
      case "trend" -> {
        Node stats = node.object("stats");
        Node histogram = node.object("histogram");
        yield new MetricValues.Trend(
            new TrendStats(stats.longValue("count"), stats.doubleValue("min"), stats.doubleValue("max"),
                stats.doubleValue("avg"), stats.doubleValue("med"), stats.doubleValue("p90"),
                stats.doubleValue("p95"), stats.doubleValue("p99"), stats.doubleValue("p999")),
            new HistogramSnapshot(histogram.text("unit"), histogram.text("compressedBase64")));
      }
      case "counter" -> new MetricValues.Counter(node.doubleValue("count"), node.doubleValue("ratePerSecond"));
      case "rate" -> new MetricValues.Rate(node.longValue("passes"), node.longValue("fails"));
      case "gauge" -> new MetricValues.Gauge(node.doubleValue("value"), node.doubleValue("min"),
          node.doubleValue("max"));
      default -> throw node.field("type").unexpected("one of trend, counter, rate, gauge", type);
    };
  }

  private static ThresholdResult threshold(Node node) throws MalformedResultException {
    Node location = node.object("location");
    Threshold threshold = new Threshold(
        key(node),
        node.text("expression"),
        node.parse("aggregation", JsonReader::aggregation),
        node.parse("operator", JsonReader::operator),
        node.doubleValue("value"),
        node.bool("abortOnFail"),
        node.parse("delayAbortEval", Duration::parse),
        new SourceLocation(location.text("file"), location.intValue("line"), location.intValue("column")));
    return new ThresholdResult(threshold, node.doubleValue("observed"), node.bool("ok"));
  }

  private static CheckResult check(Node node) throws MalformedResultException {
    return new CheckResult(node.text("scenario"), node.text("name"), node.longValue("passes"),
        node.longValue("fails"));
  }

  private static Map<String, Long> failures(Node node) throws MalformedResultException {
    Map<String, Long> failures = new HashMap<>();
    for (Map.Entry<String, JsonNode> failure : node.json().properties()) {
      failures.put(failure.getKey(), node.longValue(failure.getKey()));
    }
    return failures;
  }

  /** The inverse of {@link Aggregation#toString()}: {@code avg}, {@code p(99.9)}. */
  private static Aggregation aggregation(String text) {
    if (text.startsWith("p(") && text.endsWith(")")) {
      return Aggregation.percentile(Double.parseDouble(text.substring(2, text.length() - 1)));
    }
    return Aggregation.of(Aggregation.Kind.valueOf(text.toUpperCase(Locale.ROOT)));
  }

  private static Threshold.Operator operator(String symbol) {
    for (Threshold.Operator operator : Threshold.Operator.values()) {
      if (operator.symbol().equals(symbol)) {
        return operator;
      }
    }
    throw new IllegalArgumentException("unknown operator");
  }

  /** A JSON node and its path from the root, for error messages; also used by {@link ComparisonJsonReader}. */
  record Node(JsonNode json, String path) {

    Node field(String name) {
      JsonNode child = json.get(name);
      return new Node(child == null ? MissingNode.getInstance() : child,
          path + "." + name);
    }

    MalformedResultException unexpected(String expected, Object was) {
      return new MalformedResultException(path + ": expected " + expected + ", was " + was);
    }

    private MalformedResultException unexpected(String expected) {
      String was = json.isMissingNode() ? "missing" : json.toString();
      return unexpected(expected, was);
    }

    private Node require(String name, boolean ok, String expected) throws MalformedResultException {
      Node child = field(name);
      if (!ok) {
        throw child.unexpected(expected);
      }
      return child;
    }

    String text(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      return require(name, child != null && child.isTextual(), "a string").json().textValue();
    }

    Optional<String> optionalText(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      return child == null || child.isNull() ? Optional.empty() : Optional.of(text(name));
    }

    long longValue(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      return require(name, child != null && child.isIntegralNumber() && child.canConvertToLong(), "an integer")
          .json().longValue();
    }

    int intValue(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      return require(name, child != null && child.isIntegralNumber() && child.canConvertToInt(), "an integer")
          .json().intValue();
    }

    /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    double doubleValue(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      if (child != null && child.isTextual()) {
        switch (child.textValue()) {
          case "NaN" -> {
            return Double.NaN;
          }
          case "Infinity" -> {
            return Double.POSITIVE_INFINITY;
          }
          case "-Infinity" -> {
            return Double.NEGATIVE_INFINITY;
          }
          default -> throw field(name).unexpected("a number", child);
        }
      }
      return require(name, child != null && child.isNumber(), "a number").json().doubleValue();
    }

    boolean bool(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      return require(name, child != null && child.isBoolean(), "true or false").json().booleanValue();
    }

    Node object(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      return require(name, child != null && child.isObject(), "an object");
    }

    /** A string field parsed by {@code parser}; its exceptions become a message with the path. */
    <T> T parse(String name, Function<String, T> parser) throws MalformedResultException {
      String text = text(name);
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw field(name).unexpected("a valid " + name, "\"" + text + "\"");
      }
    }

    /** An array of strings. */
    List<String> strings(String name) throws MalformedResultException {
      JsonNode child = json.get(name);
      Node array = require(name, child != null && child.isArray(), "an array");
      List<String> items = new ArrayList<>(child.size());
      for (int i = 0; i < child.size(); i++) {
        Node item = new Node(child.get(i), array.path() + "[" + i + "]");
        if (!item.json().isTextual()) {
          throw item.unexpected("a string");
        }
        items.add(item.json().textValue());
      }
      return items;
    }

    <T> List<T> list(String name, Element<T> element) throws MalformedResultException {
      JsonNode child = json.get(name);
      Node array = require(name, child != null && child.isArray(), "an array");
      List<T> items = new ArrayList<>(child.size());
      for (int i = 0; i < child.size(); i++) {
        Node item = new Node(child.get(i), array.path() + "[" + i + "]");
        if (!item.json().isObject()) {
          throw item.unexpected("an object");
        }
        try {
          items.add(element.read(item));
        } catch (IllegalArgumentException | NullPointerException e) {
          // A record's own validation, e.g. a negative delayAbortEval.
          throw new MalformedResultException(item.path() + ": invalid: " + e.getMessage());
        }
      }
      return items;
    }
  }

  /** Reads one array element. */
  @FunctionalInterface
  interface Element<T> {
    T read(Node node) throws MalformedResultException;
  }
}
