package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.Comparison;
import org.perfgate.model.Verdict;

class ComparisonConsoleTest {

  @Test
  void rendersEveryVerdictBudgetAndWarning() {
    Golden.assertMatches("comparison-console.txt", Reports.comparisonConsole(ComparisonFixtures.full(), false));
  }

  @Test
  void rendersAComparisonOfNothing() {
    Golden.assertMatches("comparison-console-empty.txt",
        Reports.comparisonConsole(ComparisonFixtures.empty(), false));
  }

  @Test
  void colorsOnlyWhenAsked() {
    String colored = Reports.comparisonConsole(ComparisonFixtures.full(), true);
    String plain = Reports.comparisonConsole(ComparisonFixtures.full(), false);

    assertThat(plain).doesNotContain("\u001b[");
    assertThat(colored).contains("\u001b[31m✗ regression\u001b[0m", "\u001b[32m★ improvement\u001b[0m",
        "\u001b[33m? inconclusive\u001b[0m", "\u001b[31m✗ 'p(95) < 250ms'\u001b[0m");
    assertThat(colored.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void alignsTheTableColumnsWithColors() {
    List<String> table = tableLines(Reports.comparisonConsole(ComparisonFixtures.full(), true)
        .replaceAll("\u001b\\[[0-9;]*m", ""));

    // Right-aligned "current" column: every line ends it at the same place.
    int end = table.getFirst().indexOf("current") + "current".length();
    for (String line : table.subList(1, table.size())) {
      assertThat(line.charAt(end - 1)).as(line).isNotEqualTo(' ');
      assertThat(line.charAt(end)).as(line).isEqualTo(' ');
    }
  }

  @Test
  void endsWithTheOverallVerdict() {
    List<String> lines = Reports.comparisonConsole(ComparisonFixtures.full(), false).lines().toList();

    assertThat(lines.getLast()).isEqualTo(
        "  verdict: ✗ regression (1 regression, 1 improvement, 1 no change, 1 inconclusive; 1 of 2 budgets broken)");
  }

  @Test
  void printsNotAvailableForNaNAndInfiniteValues() {
    Comparison comparison = ComparisonFixtures.with(
        List.of(ComparisonFixtures.metric(ComparisonFixtures.DURATION, "p(95)", "ms", ComparisonFixtures.stats(
            Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN,
            Double.POSITIVE_INFINITY, false, Verdict.INCONCLUSIVE))),
        List.of(new BudgetResult(ComparisonFixtures.DURATION, "p(95) < 250ms", false, Double.NaN, 250, false)),
        List.of());

    String text = Reports.comparisonConsole(comparison, false);

    List<String> row = List.of(tableLines(text).get(1).trim().split(" {2,}"));
    assertThat(row).containsExactly("http_req_duration", "p(95)", "n/a", "n/a", "n/a", "[n/a, n/a]", "p=n/a", "n/a",
        "? inconclusive");
    assertThat(text).contains("✗ 'p(95) < 250ms' on http_req_duration: n/a, limit 250ms")
        .doesNotContain("NaN", "Infinity");
  }

  private static List<String> tableLines(String text) {
    List<String> lines = text.lines().toList();
    int heading = 0;
    while (!lines.get(heading).trim().startsWith("metric")) {
      heading++;
    }
    int last = heading;
    while (!lines.get(last + 1).isBlank()) {
      last++;
    }
    return lines.subList(heading, last + 1);
  }
}
