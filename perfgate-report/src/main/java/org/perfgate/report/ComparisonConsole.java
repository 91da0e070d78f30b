package org.perfgate.report;

import java.util.ArrayList;
import java.util.List;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;
import org.perfgate.report.ConsoleSummary.Style;

/**
 * The console report of a comparison, in the style of the end-of-test summary: the two sides, a
 * table of compared statistics, budgets marked ✓/✗, warnings, and the overall verdict last, where
 * a CI log's tail shows it.
 *
 * <p>Verdict marks say what was decided, not which way the number moved: lower is better for
 * latencies and higher for throughput, so an arrow would mean opposite things on adjacent lines;
 * the signed change column carries the direction. ✗ regression (red), ★ improvement (green),
 * ✓ no change (green), ? inconclusive (yellow).
 */
final class ComparisonConsole {
  private static final String BASE = "    ";
  private static final int LABEL_WIDTH = "baseline".length();
  private static final List<String> HEADINGS =
      List.of("metric", "stat", "baseline", "current", "change", "CI", "p", "MDE", "verdict");
  /** Which columns are right-aligned: the numbers whose digits should line up. */
  private static final boolean[] RIGHT = {false, false, true, true, true, false, false, true, false};
  private static final int CHANGE = 4;
  private static final int VERDICT = 8;

  private final Comparison comparison;
  private final Style style;
  private final StringBuilder out = new StringBuilder();

  private ComparisonConsole(Comparison comparison, boolean color) {
    this.comparison = comparison;
    this.style = new Style(color);
  }

  static String render(Comparison comparison, boolean color) {
    ComparisonConsole console = new ComparisonConsole(comparison, color);
    console.header();
    console.metrics();
    console.budgets();
    console.warnings();
    console.verdict();
    return console.out.toString();
  }

  /** The mark of a verdict: see the class comment for why it is not an arrow. */
  static String mark(Verdict verdict) {
    return switch (verdict) {
      case REGRESSION -> "✗";
      case IMPROVEMENT -> "★";
      case NO_CHANGE -> "✓";
      case INCONCLUSIVE -> "?";
    };
  }

  private String paint(Verdict verdict, String text) {
    return switch (verdict) {
      case REGRESSION -> style.red(text);
      case IMPROVEMENT, NO_CHANGE -> style.green(text);
      case INCONCLUSIVE -> style.yellow(text);
    };
  }

  private void header() {
    label("plan", comparison.planName());
    label("baseline", side(comparison.base()));
    label("current", side(comparison.head()));
  }

  private static String side(ComparedSide side) {
    return side.label() + " — " + ComparisonFormat.trials(side.runIds().size()) + ", "
        + ComparisonFormat.commit(side.metadata()) + ", " + side.metadata().time();
  }

  private void label(String label, String value) {
    out.append("  ").append(" ".repeat(LABEL_WIDTH - label.length())).append(label).append(": ").append(value)
        .append('\n');
  }

  private void metrics() {
    title("METRICS");
    if (comparison.metrics().isEmpty()) {
      out.append(BASE).append("no metrics compared\n");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (MetricComparison metric : comparison.metrics()) {
      rows.add(cells(metric));
    }
    int[] widths = new int[HEADINGS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], ConsoleSummary.width(row.get(i)));
      }
    }
    tableRow(rows.getFirst(), widths, null);
    for (int i = 0; i < comparison.metrics().size(); i++) {
      tableRow(rows.get(i + 1), widths, comparison.metrics().get(i).verdict());
    }
  }

  private static List<String> cells(MetricComparison metric) {
    TrialStatistics statistics = metric.statistics();
    return List.of(
        metric.key().toString(),
        metric.statistic(),
        ComparisonFormat.value(statistics.baseMedian(), metric.unit()),
        ComparisonFormat.value(statistics.headMedian(), metric.unit()),
        ComparisonFormat.change(statistics.changePercent()),
        ComparisonFormat.interval(statistics.ciLowPercent(), statistics.ciHighPercent()),
        ComparisonFormat.pValue(statistics.pValue()),
        ComparisonFormat.plusMinus(statistics.mdePercent()),
        mark(statistics.verdict()) + " " + statistics.verdict().label());
  }

  /** One table line; {@code verdict} is null for the heading, which is faint. */
  private void tableRow(List<String> cells, int[] widths, Verdict verdict) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - ConsoleSummary.width(cell));
      boolean last = i == cells.size() - 1;
      // Pad outside the colour codes, so that widths count only visible characters.
      // The change is coloured only when it decided something: a green "+0.5%" would draw the eye for nothing.
      boolean decided = i == VERDICT || (i == CHANGE && verdict != Verdict.NO_CHANGE);
      String painted = verdict != null && decided ? paint(verdict, cell) : cell;
      if (i > 0) {
        line.append("  ");
      }
      line.append(RIGHT[i] ? padding + painted : painted + (last ? "" : padding));
    }
    out.append(BASE).append(verdict == null ? style.faint(line.toString()) : line.toString()).append('\n');
  }

  private void budgets() {
    if (comparison.budgets().isEmpty()) {
      return;
    }
    title("BUDGETS");
    for (BudgetResult budget : comparison.budgets()) {
      String text = (budget.ok() ? "✓" : "✗") + " '" + budget.expression() + "'";
      out.append(BASE).append(budget.ok() ? style.green(text) : style.red(text)).append(" on ").append(budget.key())
          .append(": ").append(style.cyan(ComparisonFormat.budgetObserved(comparison, budget)))
          .append(", limit ").append(ComparisonFormat.budgetLimit(comparison, budget)).append('\n');
    }
  }

  private void warnings() {
    if (comparison.warnings().isEmpty()) {
      return;
    }
    title("WARNINGS");
    for (String warning : comparison.warnings()) {
      out.append(BASE).append(style.yellow("! " + warning)).append('\n');
    }
  }

  private void verdict() {
    Verdict overall = comparison.overall();
    String budgets = ComparisonFormat.budgetCounts(comparison);
    out.append('\n').append("  ").append(style.bold("verdict: ")).append(paint(overall,
        style.bold(mark(overall) + " " + overall.label()))).append(" (").append(ComparisonFormat.verdictCounts(comparison))
        .append(budgets.isEmpty() ? "" : "; " + budgets).append(")\n");
  }

  private void title(String title) {
    out.append("\n  █ ").append(style.bold(title)).append("\n\n");
  }
}
