package org.perfgate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfgate.model.Aggregation;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.Budget;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.Threshold;

/**
 * {@code budgets}: keys are metrics with an optional tag filter, as in thresholds; values lists of
 * absolute budgets ({@code p(95) < 250ms}, {@code rate < 1%}) and relative ones
 * ({@code p(95) regression <= 10%}, {@code throughput drop <= 5%}).
 */
final class BudgetParser {
  private static final Pattern RELATIVE = Pattern.compile(
      "(?<what>throughput\\s+drop|\\S+\\s+regression)\\s*(?<op><=|<)\\s*(?<number>[0-9]+(\\.[0-9]+)?)\\s*%");
  private static final Pattern ABSOLUTE_VALUE = Pattern.compile(
      "(?<head>.*?(<=|>=|==|!=|<|>))\\s*(?<number>[+-]?[0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*(?<unit>us|µs|ms|s|%|/s)?");
  private static final String EXPECTED = "expected an absolute budget such as 'p(95) < 250ms' or 'rate < 1%', "
      + "or a relative one such as 'p(95) regression <= 10%' or 'throughput drop <= 5%'";

  private BudgetParser() {}

  static List<Budget> parse(Node node, String path) {
    List<Budget> budgets = new ArrayList<>();
    for (Node.Entry entry : Values.map(node, path).entries().values()) {
      String keyPath = Errors.child(path, entry.key());
      MetricKey metric = ThresholdParser.metricKey(entry, path);
      BuiltinMetric builtin = BuiltinMetric.byName(metric.name()).orElseThrow();
      Node.ListNode list = Values.list(entry.value(), keyPath);
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        budgets.add(budget(item, Errors.item(keyPath, i), metric, builtin));
      }
    }
    return budgets;
  }

  private static Budget budget(Node node, String path, MetricKey metric, BuiltinMetric builtin) {
    String text = Values.nonEmptyText(node, path).strip();
    Matcher relative = RELATIVE.matcher(text);
    if (relative.matches()) {
      return relative(node, path, metric, builtin, text, relative);
    }
    Matcher absolute = ABSOLUTE_VALUE.matcher(text);
    if (!absolute.matches()) {
      throw Errors.at(node, path, "invalid budget '" + text + "': " + EXPECTED);
    }
    ThresholdParser.Expression expression;
    try {
      expression = ThresholdParser.Expression.parse(absolute.group("head") + absolute.group("number"));
    } catch (IllegalArgumentException e) {
      throw Errors.at(node, path, "invalid budget '" + text + "': " + EXPECTED);
    }
    checkApplies(node, path, builtin, expression.aggregation());
    double limit = inDisplayUnit(node, path, builtin, expression.value(), absolute.group("unit"));
    return Errors.build(node.location(), path, () -> new Budget(metric, text, Budget.Kind.ABSOLUTE,
        expression.aggregation(), expression.operator(), limit, 0, false, node.location()));
  }

  private static Budget relative(Node node, String path, MetricKey metric, BuiltinMetric builtin, String text,
      Matcher relative) {
    String what = relative.group("what");
    Aggregation aggregation;
    boolean higherIsBetter;
    if (what.startsWith("throughput")) {
      if (builtin.type() != MetricType.COUNTER) {
        throw Errors.at(node, path, "'throughput drop' applies to counters such as http_reqs or iterations, not "
            + builtin.metricName() + "; for it use '<aggregation> regression <= N%'");
      }
      aggregation = Aggregation.of(Aggregation.Kind.RATE);
      higherIsBetter = true;
    } else {
      String word = what.substring(0, what.length() - "regression".length()).strip();
      try {
        aggregation = ThresholdParser.Expression.parse(word + "<0").aggregation();
      } catch (IllegalArgumentException e) {
        throw Errors.at(node, path, "invalid budget '" + text + "': unknown aggregation '" + word + "'; " + EXPECTED);
      }
      checkApplies(node, path, builtin, aggregation);
      // counter rates (requests per second) get worse when they go down; everything else when it goes up
      higherIsBetter = builtin.type() == MetricType.COUNTER;
    }
    double tolerance = Double.parseDouble(relative.group("number"));
    return Errors.build(node.location(), path, () -> new Budget(metric, text, Budget.Kind.RELATIVE, aggregation,
        Threshold.Operator.LE, 0, tolerance, higherIsBetter, node.location()));
  }

  private static void checkApplies(Node node, String path, BuiltinMetric builtin, Aggregation aggregation) {
    if (!aggregation.appliesTo(builtin.type())) {
      throw Errors.at(node, path, "'" + aggregation + "' does not apply to " + builtin.metricName() + ", a "
          + builtin.type().name().toLowerCase(Locale.ROOT) + " metric");
    }
  }

  /** The limit in the unit results are shown in: ms for time trends, a fraction for rates. */
  private static double inDisplayUnit(Node node, String path, BuiltinMetric builtin, double value, String unit) {
    if (unit == null) {
      return value;
    }
    if (builtin.isTime()) {
      return switch (unit) {
        case "us", "µs" -> value / 1000;
        case "ms" -> value;
        case "s" -> value * 1000;
        default -> throw Errors.at(node, path, "unit '" + unit + "' does not fit " + builtin.metricName()
            + ", a time; expected us, ms or s (or no unit for milliseconds)");
      };
    }
    if (unit.equals("%") && builtin.type() == MetricType.RATE) {
      return value / 100;
    }
    if (unit.equals("/s") && builtin.type() == MetricType.COUNTER) {
      return value;
    }
    throw Errors.at(node, path, "unit '" + unit + "' does not fit " + builtin.metricName() + "; expected "
        + (builtin.type() == MetricType.RATE ? "% or a fraction" : "/s or no unit"));
  }
}
