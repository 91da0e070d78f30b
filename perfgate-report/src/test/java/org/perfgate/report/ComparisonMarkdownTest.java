package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Verdict;

class ComparisonMarkdownTest {

  @Test
  void rendersAPullRequestComment() {
    Golden.assertMatches("comparison.md", Reports.comparisonMarkdown(ComparisonFixtures.full()));
  }

  @Test
  void headsTheCommentWithTheOverallVerdict() {
    Comparison quiet = ComparisonFixtures.with(List.of(ComparisonFixtures.metric(ComparisonFixtures.DURATION, "p(95)",
        "ms", ComparisonFixtures.stats(100, 101, 1, -1, 3, 0.4, 2, false, Verdict.NO_CHANGE))), List.of(), List.of());

    assertThat(Reports.comparisonMarkdown(ComparisonFixtures.full())).startsWith(
        "## 🔴 perfgate: regression in `checkout`\n");
    assertThat(Reports.comparisonMarkdown(quiet)).startsWith("## ✅ perfgate: no change in `checkout`\n");
  }

  @Test
  void alignsMetricNamesLeftAndNumbersRight() {
    List<String> table = firstTable(Reports.comparisonMarkdown(ComparisonFixtures.full()));

    assertThat(table.get(0)).matches("\\| metric +\\| +baseline \\| +current \\| +change \\(CI\\) \\| verdict +\\|");
    assertThat(table.get(1)).matches("\\| :-+ \\| -+: \\| -+: \\| -+: \\| :-+ \\|");
    for (String line : table) {
      // Padded cells: every row's pipes sit in the same columns (counting code points).
      assertThat(pipePositions(line)).as(line).isEqualTo(pipePositions(table.get(0)));
    }
    assertThat(table.get(2)).isEqualTo(
        "| `http_req_duration` p(95)           |   245.31ms |   275.53ms |    +12.3% [+8.1%, +16.5%] | 🔴 regression   |");
  }

  @Test
  void keepsPipesAndBackticksInNamesFromBreakingTheTable() {
    MetricKey odd = MetricKey.of("a|b", Map.of("name", "`x`"));
    Comparison comparison = ComparisonFixtures.with(List.of(ComparisonFixtures.metric(odd, "p(95)", "ms",
        ComparisonFixtures.stats(1, 1, 0, -1, 1, 0.5, 1, false, Verdict.NO_CHANGE))),
        List.of(new BudgetResult(odd, "p(95) < 1ms", false, 1, 1, true)), List.of("**not bold** | <b>"));

    String markdown = Reports.comparisonMarkdown(comparison);

    // The span's fence is one backtick longer than the longest run inside; GFM unescapes \\| in it.
    assertThat(firstTable(markdown).get(2)).startsWith("| ``a\\|b{name:`x`}`` p(95) |");
    assertThat(markdown).contains("- ✅ `p(95) < 1ms` on ``a|b{name:`x`}``: 1ms, limit 1ms\n")
        .contains("> ⚠️ \\*\\*not bold\\*\\* \\| \\<b\\>\n");
  }

  @Test
  void collapsesStatisticsEnvironmentsAndRunIds() {
    String markdown = Reports.comparisonMarkdown(ComparisonFixtures.full());
    String details = markdown.substring(markdown.indexOf("<details>"));

    assertThat(details).startsWith("<details>\n<summary>Statistics, environments and runs</summary>\n\n")
        .contains("| `http_req_duration` p(95)           | p<0.001 |  ±2.1% |     ±5.0% |        99% |")
        .contains("| CPU         | AMD EPYC 7763 64-Core Processor ", "| Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz ")
        .contains("`r7f3a01`, `r7f3a02`", "`r1a2b3`, `r1a2b4`")
        .endsWith("\n</details>\n");
  }

  private static List<String> firstTable(String markdown) {
    List<String> lines = markdown.lines().toList();
    int start = 0;
    while (!lines.get(start).startsWith("|")) {
      start++;
    }
    int end = start;
    while (end < lines.size() && lines.get(end).startsWith("|")) {
      end++;
    }
    return lines.subList(start, end);
  }

  private static List<Integer> pipePositions(String line) {
    List<Integer> positions = new ArrayList<>();
    int column = 0;
    for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
      // "\|" is an escaped pipe inside a cell, not a column boundary.
      if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
        positions.add(column);
      }
      column++;
    }
    return positions;
  }
}
