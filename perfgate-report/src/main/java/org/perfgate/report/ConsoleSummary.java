package org.perfgate.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfgate.model.Aggregation;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.CheckResult;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.ThresholdResult;
import org.perfgate.model.TrendStats;

/**
 * The end-of-test summary, laid out like k6's (v0.4x): a header, the failures by reason, the checks
 * per scenario, then one dotted line per metric, sub-metrics indented under their parent, metrics
 * with thresholds marked ✓/✗ and each threshold listed under its metric with the observed value.
 */
final class ConsoleSummary {
  /** The trend columns, k6's default {@code summaryTrendStats} plus {@code p(99)} and {@code p(99.9)}. */
  static final List<String> TREND_STATS = List.of("avg", "min", "med", "max", "p(90)", "p(95)", "p(99)", "p(99.9)");

  private static final String PASS = "✓";
  private static final String FAIL = "✗";
  private static final String BASE = "    ";
  private static final int LABEL_WIDTH = "thresholds".length();

  private final RunResult run;
  private final Style style;
  private final StringBuilder out = new StringBuilder();

  private ConsoleSummary(RunResult run, boolean color) {
    this.run = run;
    this.style = new Style(color);
  }

  static String render(RunResult run, boolean color) {
    ConsoleSummary summary = new ConsoleSummary(run, color);
    summary.header();
    summary.failures();
    summary.checks();
    summary.metrics();
    return summary.out.toString();
  }

  private void header() {
    label("plan", run.planName());
    label("source", run.planSource());
    label("started", run.started().toString());
    label("duration", Units.duration(run.elapsed().toNanos() / 1e6));
    run.abortReason().ifPresent(reason -> label("aborted", style.red(reason)));
    if (run.thresholds().isEmpty()) {
      return;
    }
    Set<String> crossedMetrics = new LinkedHashSet<>();
    int crossed = 0;
    for (ThresholdResult result : run.thresholds()) {
      if (!result.ok()) {
        crossed++;
        crossedMetrics.add(result.threshold().metric().toString());
      }
    }
    int total = run.thresholds().size();
    label("thresholds", crossed == 0
        ? style.green(PASS + " " + total + " of " + total + " passed")
        : style.red(FAIL + " " + crossed + " of " + total + " crossed") + " on " + String.join(", ", crossedMetrics));
  }

  private void label(String label, String value) {
    out.append("  ").append(" ".repeat(LABEL_WIDTH - label.length())).append(label).append(": ").append(value)
        .append('\n');
  }

  /** Failed requests by reason, most frequent first: what makes a down target obvious. */
  private void failures() {
    if (run.failures().isEmpty()) {
      return;
    }
    title("FAILURES");
    List<Map.Entry<String, Long>> reasons = new ArrayList<>(run.failures().entrySet());
    reasons.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    long failed = 0;
    for (Map.Entry<String, Long> reason : reasons) {
      parts.add(reason.getKey() + ": " + reason.getValue());
      failed += reason.getValue();
    }
    out.append(BASE).append(style.red(FAIL + " " + BuiltinMetric.HTTP_REQ_FAILED.metricName() + " by reason: "
        + String.join(", ", parts))).append('\n');
    double requests = run.metric(MetricKey.of(BuiltinMetric.HTTP_REQS.metricName()))
        .map(metric -> metric.values() instanceof MetricValues.Counter counter ? counter.count() : 0.0)
        .orElse(0.0);
    if (requests > 0) {
      String detail = failed >= requests
          ? "every request failed (" + failed + " of " + Units.plain(requests) + "): is the target up?"
          : failed + " of " + Units.plain(requests) + " requests failed (" + Units.percent(failed / requests) + ")";
      out.append(BASE).append("  ").append(style.red("↳ " + detail)).append('\n');
    }
  }

  /** Checks per scenario in first-seen order; a failing check gets k6's detail line. */
  private void checks() {
    if (run.checks().isEmpty()) {
      return;
    }
    title("CHECKS");
    Map<String, List<CheckResult>> byScenario = new LinkedHashMap<>();
    for (CheckResult check : run.checks()) {
      byScenario.computeIfAbsent(check.scenario(), scenario -> new ArrayList<>()).add(check);
    }
    boolean first = true;
    for (Map.Entry<String, List<CheckResult>> scenario : byScenario.entrySet()) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append(BASE).append("scenario: ").append(scenario.getKey()).append('\n');
      for (CheckResult check : scenario.getValue()) {
        String indent = BASE + "  ";
        if (check.fails() == 0) {
          out.append(indent).append(style.green(PASS + " " + check.name())).append('\n');
          continue;
        }
        long percent = 100 * check.passes() / (check.passes() + check.fails());
        out.append(indent).append(style.red(FAIL + " " + check.name())).append('\n');
        out.append(indent).append(' ').append(style.red("↳  " + percent + "% — " + PASS + " " + check.passes()
            + " / " + FAIL + " " + check.fails())).append('\n');
      }
    }
  }

  private void metrics() {
    title("METRICS");
    List<MetricRow> rows = MetricRow.of(run);
    if (rows.isEmpty()) {
      out.append(BASE).append("no metrics recorded\n");
      return;
    }
    Set<String> parents = new HashSet<>();
    for (MetricRow row : rows) {
      if (!row.key().isSubMetric()) {
        parents.add(row.key().name());
      }
    }
    List<Line> lines = new ArrayList<>();
    for (MetricRow row : rows) {
      lines.add(Line.of(row, parents.contains(row.key().name())));
    }
    Widths widths = Widths.of(lines);
    for (Line line : lines) {
      metricLine(line, widths);
    }
  }

  private void metricLine(Line line, Widths widths) {
    MetricRow row = line.row();
    String mark = row.thresholds().isEmpty() ? " "
        : row.anyThresholdFailed() ? style.red(FAIL) : style.green(PASS);
    int dots = widths.name() - width(line.indent()) - width(line.name()) + 3;
    out.append(BASE).append(line.indent()).append(mark).append(' ').append(line.name())
        .append(style.faint(".".repeat(dots) + ":")).append(' ');
    if (!line.trend().isEmpty()) {
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < line.trend().size(); i++) {
        String value = line.trend().get(i);
        boolean last = i == line.trend().size() - 1;
        columns.add(TREND_STATS.get(i) + "=" + style.cyan(value)
            + (last ? "" : " ".repeat(widths.trend()[i] - width(value))));
      }
      out.append(String.join(" ", columns));
    } else {
      out.append(style.cyan(line.value()));
      if (!line.extras().isEmpty()) {
        out.append(" ".repeat(widths.value() - width(line.value())));
        for (int i = 0; i < line.extras().size(); i++) {
          String extra = line.extras().get(i);
          out.append(' ').append(style.faint(extra));
          if (i < line.extras().size() - 1) {
            out.append(" ".repeat(widths.extras().get(i) - width(extra)));
          }
        }
      }
    }
    out.append('\n');
    for (ThresholdResult result : row.thresholds()) {
      Aggregation aggregation = result.threshold().aggregation();
      String text = (result.ok() ? PASS : FAIL) + " '" + result.threshold().expression() + "'";
      out.append(BASE).append(line.indent()).append("    ").append(result.ok() ? style.green(text) : style.red(text))
          .append(' ').append(aggregation).append('=').append(style.cyan(observed(row, result))).append('\n');
    }
  }

  /** The value a threshold compared, in the unit and style of its metric. */
  static String observed(MetricRow row, ThresholdResult result) {
    double value = result.observed();
    if (result.threshold().aggregation().kind() == Aggregation.Kind.RATE) {
      return row.type() == MetricType.COUNTER ? Units.value(value, row.contains()) + "/s" : Units.percent(value);
    }
    return Units.value(value, row.contains());
  }

  private void title(String title) {
    out.append("\n  █ ").append(style.bold(title)).append("\n\n");
  }

  /** Display width: code points, as none of the marks used here are double-width. */
  static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  /** One metric's texts before alignment: either trend columns or a value with extras. */
  private record Line(MetricRow row, String indent, String name, List<String> trend, String value, List<String> extras) {

    static Line of(MetricRow row, boolean underParent) {
      MetricKey key = row.key();
      boolean indented = key.isSubMetric() && underParent;
      String indent = indented ? "  " : "";
      // k6 shows a sub-metric as "{ tag:value }" under its parent; an orphan keeps its full name.
      String name = indented ? "{ " + MetricRow.tagText(key) + " }" : key.toString();
      if (row.values().isEmpty()) {
        return new Line(row, indent, name, List.of(), "[no data]", List.of());
      }
      Units.Contains contains = row.contains();
      return switch (row.values().get()) {
        case MetricValues.Trend trend -> new Line(row, indent, name, trendColumns(trend.stats(), contains), "", List.of());
        case MetricValues.Counter counter -> new Line(row, indent, name, List.of(),
            Units.value(counter.count(), contains), List.of(Units.value(counter.ratePerSecond(), contains) + "/s"));
        case MetricValues.Rate rate -> new Line(row, indent, name, List.of(), Units.percent(rate.rate()),
            List.of(PASS + " " + rate.passes(), FAIL + " " + rate.fails()));
        case MetricValues.Gauge gauge -> new Line(row, indent, name, List.of(), Units.value(gauge.value(), contains),
            List.of("min=" + Units.value(gauge.min(), contains), "max=" + Units.value(gauge.max(), contains)));
      };
    }

    private static List<String> trendColumns(TrendStats stats, Units.Contains contains) {
      double[] values = {stats.avg(), stats.min(), stats.med(), stats.max(), stats.p90(), stats.p95(), stats.p99(),
          stats.p999()};
      List<String> columns = new ArrayList<>(values.length);
      for (double value : values) {
        columns.add(Units.value(value, contains));
      }
      return columns;
    }
  }

  /** Column widths over all lines, so that names, values and each trend column line up. */
  private record Widths(int name, int[] trend, int value, List<Integer> extras) {

    static Widths of(List<Line> lines) {
      int name = 0;
      int value = 0;
      int[] trend = new int[TREND_STATS.size()];
      List<Integer> extras = new ArrayList<>();
      for (Line line : lines) {
        name = Math.max(name, width(line.indent()) + width(line.name()));
        for (int i = 0; i < line.trend().size(); i++) {
          trend[i] = Math.max(trend[i], width(line.trend().get(i)));
        }
        if (!line.extras().isEmpty()) {
          // Only values followed by extras are padded; "[no data]" must not widen the column.
          value = Math.max(value, width(line.value()));
        }
        for (int i = 0; i < line.extras().size(); i++) {
          if (extras.size() <= i) {
            extras.add(0);
          }
          extras.set(i, Math.max(extras.get(i), width(line.extras().get(i))));
        }
      }
      return new Widths(name, trend, value, extras);
    }
  }

  /** ANSI colours, or none; shared with the comparison console report. */
  record Style(boolean enabled) {
    String green(String text) {
      return paint("32", text);
    }

    String yellow(String text) {
      return paint("33", text);
    }

    String red(String text) {
      return paint("31", text);
    }

    String cyan(String text) {
      return paint("36", text);
    }

    String faint(String text) {
      return paint("2", text);
    }

    String bold(String text) {
      return paint("1", text);
    }

    private String paint(String code, String text) {
      return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
  }
}
