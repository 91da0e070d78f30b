package org.perfgate.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.perfgate.model.Aggregation;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.Threshold;

/**
 * {@code options.thresholds}: keys are metric names with an optional tag filter
 * ({@code http_req_duration{name:login}}), values lists of k6 expressions ({@code p(95)<500}) or
 * objects with {@code threshold}, {@code abortOnFail} and {@code delayAbortEval}.
 */
final class ThresholdParser {
  private static final List<String> OBJECT_FIELDS = List.of("threshold", "abortOnFail", "delayAbortEval");
  private static final List<String> METRICS = metricNames();

  private ThresholdParser() {}

  static List<Threshold> parse(Node node, String path) {
    List<Threshold> thresholds = new ArrayList<>();
    for (Node.Entry entry : Values.map(node, path).entries().values()) {
      String keyPath = Errors.child(path, entry.key());
      MetricKey metric = metricKey(entry, path);
      BuiltinMetric builtin = BuiltinMetric.byName(metric.name()).orElseThrow();
      if (!(entry.value() instanceof Node.ListNode list)) {
        throw Errors.at(entry.value(), keyPath,
            "expected a list of threshold expressions such as ['p(95)<500'], got " + entry.value().describe());
      }
      for (int i = 0; i < list.items().size(); i++) {
        thresholds.add(threshold(list.items().get(i), Errors.item(keyPath, i), metric, builtin));
      }
    }
    return thresholds;
  }

  private static Threshold threshold(Node node, String path, MetricKey metric, BuiltinMetric builtin) {
    if (node instanceof Node.MapNode) {
      Fields fields = Fields.of(node, path, OBJECT_FIELDS);
      Node expression = fields.required("threshold");
      boolean abortOnFail = fields.get("abortOnFail", Values::bool, false);
      Duration delayAbortEval = fields.get("delayAbortEval", Values::nonNegativeDuration, Duration.ZERO);
      return threshold(expression, fields.pathOf("threshold"), metric, builtin, abortOnFail, delayAbortEval);
    }
    if (!(node instanceof Node.ScalarNode)) {
      throw Errors.at(node, path, "expected a threshold expression such as 'p(95)<500' or "
          + "{threshold: 'rate>0.99', abortOnFail: true}, got " + node.describe());
    }
    return threshold(node, path, metric, builtin, false, Duration.ZERO);
  }

  private static Threshold threshold(Node node, String path, MetricKey metric, BuiltinMetric builtin,
      boolean abortOnFail, Duration delayAbortEval) {
    String text = Values.nonEmptyText(node, path);
    Expression expression;
    try {
      expression = Expression.parse(text);
    } catch (IllegalArgumentException e) {
      throw Errors.at(node, path, e.getMessage());
    }
    if (!expression.aggregation().appliesTo(builtin.type())) {
      throw Errors.at(node, path, "'" + expression.aggregation() + "' does not apply to " + builtin.metricName()
          + ", a " + builtin.type().name().toLowerCase(Locale.ROOT) + " metric; expected "
          + aggregationsFor(builtin.type()));
    }
    return Errors.build(node.location(), path, () -> new Threshold(metric, text, expression.aggregation(),
        expression.operator(), expression.value(), abortOnFail, delayAbortEval, node.location()));
  }

  /** {@code name} or {@code name{tag:value,...}}; the name must be a built-in metric. */
  static MetricKey metricKey(Node.Entry entry, String path) {
    String key = entry.key().strip();
    int open = key.indexOf('{');
    String name = (open < 0 ? key : key.substring(0, open)).strip();
    if (BuiltinMetric.byName(name).isEmpty()) {
      throw Errors.at(entry.keyLocation(), path, Errors.unknown("metric", name, METRICS));
    }
    if (open < 0) {
      return MetricKey.of(name);
    }
    String filter = "expected a tag filter such as " + name + "{name:login,status:200}";
    if (!key.endsWith("}")) {
      throw Errors.at(entry.keyLocation(), path, "unclosed '{' in '" + key + "'; " + filter);
    }
    Map<String, String> tags = new TreeMap<>();
    for (String pair : key.substring(open + 1, key.length() - 1).split(",", -1)) {
      int colon = pair.indexOf(':');
      String tag = colon < 0 ? "" : pair.substring(0, colon).strip();
      String value = colon < 0 ? "" : pair.substring(colon + 1).strip();
      if (tag.isEmpty() || value.isEmpty()) {
        throw Errors.at(entry.keyLocation(), path,
            "invalid tag filter '" + pair.strip() + "' in '" + key + "'; " + filter);
      }
      if (tags.put(tag, value) != null) {
        throw Errors.at(entry.keyLocation(), path, "tag '" + tag + "' appears twice in '" + key + "'");
      }
    }
    return MetricKey.of(name, tags);
  }

  private static String aggregationsFor(MetricType type) {
    return switch (type) {
      case TREND -> "avg, min, max, med or p(N)";
      case COUNTER -> "count or rate";
      case RATE -> "rate";
      case GAUGE -> "value";
    };
  }

  private static List<String> metricNames() {
    List<String> names = new ArrayList<>();
    for (BuiltinMetric metric : BuiltinMetric.values()) {
      names.add(metric.metricName());
    }
    return names;
  }

  /** A parsed {@code <aggregation> <op> <number>}; time values stay in milliseconds, as written. */
  record Expression(Aggregation aggregation, Threshold.Operator operator, double value) {
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final String GRAMMAR = "expected '<aggregation> <op> <number>' such as 'p(95)<500' or 'rate<0.01', "
        + "with aggregation avg, min, max, med, p(N), count, rate or value and op <, <=, >, >=, == or !=";

    /** @throws IllegalArgumentException naming what is wrong in {@code text} */
    static Expression parse(String text) {
      String rest = text.strip();
      int end = 0;
      while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
        end++;
      }
      String word = rest.substring(0, end);
      Aggregation aggregation;
      if (word.equals("p") && end < rest.length() && rest.charAt(end) == '(') {
        int close = rest.indexOf(')', end);
        if (close < 0) {
          throw invalid(text, "unclosed 'p('; " + GRAMMAR);
        }
        aggregation = percentile(text, rest.substring(end + 1, close).strip());
        end = close + 1;
      } else {
        aggregation = switch (word) {
          case "avg" -> Aggregation.of(Aggregation.Kind.AVG);
          case "min" -> Aggregation.of(Aggregation.Kind.MIN);
          case "max" -> Aggregation.of(Aggregation.Kind.MAX);
          case "med" -> Aggregation.of(Aggregation.Kind.MED);
          case "count" -> Aggregation.of(Aggregation.Kind.COUNT);
          case "rate" -> Aggregation.of(Aggregation.Kind.RATE);
          case "value" -> Aggregation.of(Aggregation.Kind.VALUE);
          default -> throw invalid(text, (word.isEmpty() ? "missing aggregation" : "unknown aggregation '" + word + "'")
              + (word.matches("p[0-9]+") ? " (did you mean 'p(" + word.substring(1) + ")'?)" : "") + "; " + GRAMMAR);
        };
      }
      rest = rest.substring(end).strip();
      // Longest symbols first; k6 accepts === as ==.
      String[] symbols = {"===", "==", "!=", "<=", ">=", "<", ">"};
      for (String symbol : symbols) {
        if (rest.startsWith(symbol)) {
          String number = rest.substring(symbol.length()).strip();
          double value = NUMBER.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
          if (!Double.isFinite(value)) {
            throw invalid(text, "expected a number after '" + symbol + "', got '" + number + "'");
          }
          return new Expression(aggregation, operator(symbol), value);
        }
      }
      throw invalid(text, "expected an operator (<, <=, >, >=, ==, !=) after '" + aggregation + "'");
    }

    private static Aggregation percentile(String text, String number) {
      if (!NUMBER.matcher(number).matches()) {
        throw invalid(text, "expected a percentile number in p(N), got 'p(" + number + ")'");
      }
      double percentile = Double.parseDouble(number);
      if (!(percentile > 0 && percentile <= 100)) {
        throw invalid(text, "expected a percentile in (0, 100], got 'p(" + number + ")'");
      }
      return Aggregation.percentile(percentile);
    }

    private static Threshold.Operator operator(String symbol) {
      return switch (symbol) {
        case "<" -> Threshold.Operator.LT;
        case "<=" -> Threshold.Operator.LE;
        case ">" -> Threshold.Operator.GT;
        case ">=" -> Threshold.Operator.GE;
        case "!=" -> Threshold.Operator.NE;
        default -> Threshold.Operator.EQ;
      };
    }

    private static IllegalArgumentException invalid(String text, String reason) {
      return new IllegalArgumentException("invalid threshold '" + text + "': " + reason);
    }
  }
}
