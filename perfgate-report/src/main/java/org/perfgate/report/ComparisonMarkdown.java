package org.perfgate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * A comparison as GitHub-flavoured Markdown, ready to post as a pull-request comment (GitHub and
 * GitLab render it alike): a heading with the overall verdict's emoji, one line of counts, a
 * compact table (metric | baseline | current | change (CI) | verdict), budgets, warnings, then a
 * collapsed {@code <details>} section with p-values, MDEs, trial counts, both environments and the
 * run ids. Tables are padded so the raw text lines up too; text from users goes into code spans or
 * is backslash-escaped, so a metric name cannot break the table or inject markup.
 */
final class ComparisonMarkdown {
  private ComparisonMarkdown() {}

  /** The emoji of a verdict: a traffic light, with ✅ for the common, quiet case. */
  static String emoji(Verdict verdict) {
    return switch (verdict) {
      case REGRESSION -> "🔴";
      case IMPROVEMENT -> "🟢";
      case NO_CHANGE -> "✅";
      case INCONCLUSIVE -> "🟡";
    };
  }

  static String render(Comparison comparison) {
    StringBuilder out = new StringBuilder();
    Verdict overall = comparison.overall();
    out.append("## ").append(emoji(overall)).append(" perfgate: ").append(overall.label()).append(" in ")
        .append(code(comparison.planName(), false)).append("\n\n");
    String budgets = ComparisonFormat.budgetCounts(comparison);
    out.append("**").append(escape(comparison.base().label())).append("** → **")
        .append(escape(comparison.head().label())).append("**: ").append(ComparisonFormat.verdictCounts(comparison))
        .append(budgets.isEmpty() ? "" : "; " + budgets).append("\n\n");
    if (!comparison.metrics().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (MetricComparison metric : comparison.metrics()) {
        TrialStatistics statistics = metric.statistics();
        rows.add(List.of(title(metric), ComparisonFormat.value(statistics.baseMedian(), metric.unit()),
            ComparisonFormat.value(statistics.headMedian(), metric.unit()),
            ComparisonFormat.changeWithInterval(metric), emoji(metric.verdict()) + " " + metric.verdict().label()));
      }
      table(out, List.of("metric", "baseline", "current", "change (CI)", "verdict"), "LRRRL", rows);
      out.append('\n');
    }
    if (!comparison.budgets().isEmpty()) {
      out.append("**Budgets**\n\n");
      for (BudgetResult budget : comparison.budgets()) {
        out.append("- ").append(budget.ok() ? "✅ " : "❌ ").append(code(budget.expression(), false)).append(" on ")
            .append(code(budget.key().toString(), false)).append(": ")
            .append(ComparisonFormat.budgetObserved(comparison, budget)).append(", limit ")
            .append(ComparisonFormat.budgetLimit(comparison, budget)).append('\n');
      }
      out.append('\n');
    }
    for (String warning : comparison.warnings()) {
      out.append("> ⚠️ ").append(escape(warning)).append("\n");
    }
    if (!comparison.warnings().isEmpty()) {
      out.append('\n');
    }
    details(out, comparison);
    return out.toString();
  }

  private static void details(StringBuilder out, Comparison comparison) {
    // GitHub renders Markdown inside <details> only after a blank line following <summary>.
    out.append("<details>\n<summary>Statistics, environments and runs</summary>\n\n");
    if (!comparison.metrics().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (MetricComparison metric : comparison.metrics()) {
        TrialStatistics statistics = metric.statistics();
        rows.add(List.of(title(metric), ComparisonFormat.pValue(statistics.pValue()),
            ComparisonFormat.plusMinus(statistics.mdePercent()),
            ComparisonFormat.plusMinus(statistics.tolerancePercent()),
            ComparisonFormat.confidence(statistics.confidence()),
            statistics.baseTrials() + " / " + statistics.headTrials()));
      }
      table(out, List.of("metric", "p", "MDE", "tolerance", "confidence", "trials (baseline / current)"), "LRRRRR",
          rows);
      out.append('\n');
    }
    List<List<String>> rows = new ArrayList<>();
    sideRow(rows, comparison, "side", side -> escape(side.label()));
    sideRow(rows, comparison, "commit", side -> code(ComparisonFormat.commit(side.metadata()), true));
    sideRow(rows, comparison, "tag", side -> side.metadata().tag().map(tag -> code(tag, true)).orElse("n/a"));
    sideRow(rows, comparison, "started", side -> side.metadata().time().toString());
    sideRow(rows, comparison, "trial group", side -> code(side.trialGroup(), true));
    sideRow(rows, comparison, "runs", side -> runIds(side));
    sideRow(rows, comparison, "CPU", side -> escape(environment(side).cpuModel()));
    sideRow(rows, comparison, "cores", side -> Integer.toString(environment(side).cores()));
    sideRow(rows, comparison, "OS", side -> escape(environment(side).os()));
    sideRow(rows, comparison, "JDK", side -> escape(environment(side).jdk()));
    sideRow(rows, comparison, "perfgate", side -> escape(environment(side).perfgateVersion()));
    sideRow(rows, comparison, "labels", side -> labels(environment(side)));
    sideRow(rows, comparison, "plan hash", side -> code(shortHash(side.metadata()), true));
    table(out, List.of("", "baseline", "current"), "LLL", rows);
    out.append("\n</details>\n");
  }

  private static void sideRow(List<List<String>> rows, Comparison comparison, String name,
      Function<ComparedSide, String> value) {
    rows.add(List.of(name, value.apply(comparison.base()), value.apply(comparison.head())));
  }

  private static EnvironmentFingerprint environment(ComparedSide side) {
    return side.metadata().environment();
  }

  private static String runIds(ComparedSide side) {
    List<String> ids = new ArrayList<>();
    for (String runId : side.runIds()) {
      ids.add(code(runId, true));
    }
    return String.join(", ", ids);
  }

  private static String labels(EnvironmentFingerprint environment) {
    if (environment.labels().isEmpty()) {
      return "none";
    }
    List<String> labels = new ArrayList<>();
    for (Map.Entry<String, String> label : new TreeMap<>(environment.labels()).entrySet()) {
      labels.add(code(label.getKey() + "=" + label.getValue(), true));
    }
    return String.join(", ", labels);
  }

  private static String shortHash(RunMetadata metadata) {
    String hash = metadata.planHash();
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }

  /** {@code `http_req_duration{name:login}` p(95)}: the key as code, the statistic as text. */
  private static String title(MetricComparison metric) {
    return code(metric.key().toString(), true) + " " + escape(metric.statistic());
  }

  /**
   * A padded GFM table; {@code align} has one {@code L} or {@code R} per column. Widths count code
   * points, which lines the raw text up everywhere but around emoji, which terminals draw double.
   */
  static void table(StringBuilder out, List<String> headings, String align, List<List<String>> rows) {
    int[] widths = new int[headings.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(headings);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(Math.max(widths[i], 3), ConsoleSummary.width(row.get(i)));
      }
    }
    List<String> separator = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      separator.add(align.charAt(i) == 'R' ? "-".repeat(widths[i] - 1) + ":" : ":" + "-".repeat(widths[i] - 1));
    }
    line(out, headings, widths, align);
    line(out, separator, widths, align);
    for (List<String> row : rows) {
      line(out, row, widths, align);
    }
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, String align) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String padding = " ".repeat(widths[i] - ConsoleSummary.width(cells.get(i)));
      out.append(' ').append(align.charAt(i) == 'R' ? padding + cells.get(i) : cells.get(i) + padding).append(" |");
    }
    out.append('\n');
  }

  /**
   * A code span holding {@code text} verbatim: fenced with one backtick more than the longest run
   * inside, line breaks as spaces, and in tables {@code |} escaped, which GFM undoes inside code.
   */
  static String code(String text, boolean inTable) {
    String flat = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    if (inTable) {
      flat = flat.replace("|", "\\|");
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`");
    return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
  }

  /** Plain text with Markdown's punctuation backslash-escaped and line breaks as spaces. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        escaped.append(' ');
      } else {
        if ("\\`*_[]<>|#~&!".indexOf(c) >= 0) {
          escaped.append('\\');
        }
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
