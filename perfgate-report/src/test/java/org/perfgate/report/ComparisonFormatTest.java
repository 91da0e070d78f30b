package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.Comparison;
import org.perfgate.model.Verdict;

class ComparisonFormatTest {
  @TempDir Path directory;

  @Test
  void formatsChangesWithSignAndOneDecimal() {
    assertThat(ComparisonFormat.change(5.24)).isEqualTo("+5.2%");
    assertThat(ComparisonFormat.change(-0.85)).isEqualTo("-0.9%");
    assertThat(ComparisonFormat.change(-0.04)).isEqualTo("0.0%");
    assertThat(ComparisonFormat.change(158.3)).isEqualTo("+158.3%");
    assertThat(ComparisonFormat.interval(3.1, 7.44)).isEqualTo("[+3.1%, +7.4%]");
  }

  @Test
  void formatsPValuesWithAFloor() {
    assertThat(ComparisonFormat.pValue(0.0031)).isEqualTo("p=0.003");
    assertThat(ComparisonFormat.pValue(0.00099)).isEqualTo("p<0.001");
    assertThat(ComparisonFormat.pValue(1)).isEqualTo("p=1.000");
  }

  @Test
  void formatsMinimumDetectableEffectsAsPlusMinus() {
    assertThat(ComparisonFormat.plusMinus(2.06)).isEqualTo("±2.1%");
    assertThat(ComparisonFormat.plusMinus(-3)).isEqualTo("±3.0%");
  }

  @Test
  void formatsValuesInTheirUnit() {
    assertThat(ComparisonFormat.value(245.318, "ms")).isEqualTo("245.32ms");
    assertThat(ComparisonFormat.value(1534.2, "ms")).isEqualTo("1.53s");
    assertThat(ComparisonFormat.value(0.25, "ms")).isEqualTo("250µs");
    assertThat(ComparisonFormat.value(1234.56, "req/s")).isEqualTo("1235 req/s");
    assertThat(ComparisonFormat.value(98.765, "req/s")).isEqualTo("98.77 req/s");
    assertThat(ComparisonFormat.value(0.0123456, "%")).isEqualTo("0.0123%");
    assertThat(ComparisonFormat.value(3, "")).isEqualTo("3");
    assertThat(ComparisonFormat.value(0, "")).isEqualTo("0");
  }

  @Test
  void printsNotAvailableForNaNAndInfinities() {
    for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThat(ComparisonFormat.value(value, "ms")).isEqualTo("n/a");
      assertThat(ComparisonFormat.value(value, "req/s")).isEqualTo("n/a");
      assertThat(ComparisonFormat.change(value)).isEqualTo("n/a");
      assertThat(ComparisonFormat.pValue(value)).isEqualTo("p=n/a");
      assertThat(ComparisonFormat.plusMinus(value)).isEqualTo("n/a");
      assertThat(ComparisonFormat.confidence(value)).isEqualTo("n/a");
    }
  }

  @Test
  void formatsBudgetsInTheirMetricsUnitAndRelativeOnesAsWorseOrBetter() {
    Comparison comparison = ComparisonFixtures.full();
    BudgetResult time = new BudgetResult(ComparisonFixtures.LOGIN, "p(95) < 250ms", false, 262.8, 250, false);
    BudgetResult rate = new BudgetResult(ComparisonFixtures.FAILED, "rate < 1%", false, 0.0031, 0.01, true);
    BudgetResult drop = new BudgetResult(ComparisonFixtures.REQUESTS, "throughput drop <= 5%", true, -2.04, 5, true);
    BudgetResult regression = new BudgetResult(ComparisonFixtures.DURATION, "p(95) regression <= 10%", true, 12.34,
        10, false);

    assertThat(ComparisonFormat.budgetObserved(comparison, time)).isEqualTo("262.8ms");
    assertThat(ComparisonFormat.budgetLimit(comparison, time)).isEqualTo("250ms");
    assertThat(ComparisonFormat.budgetObserved(comparison, rate)).isEqualTo("0.31%");
    assertThat(ComparisonFormat.budgetLimit(comparison, rate)).isEqualTo("1%");
    assertThat(ComparisonFormat.budgetObserved(comparison, drop)).isEqualTo("2.0% better");
    assertThat(ComparisonFormat.budgetLimit(comparison, drop)).isEqualTo("5.0%");
    assertThat(ComparisonFormat.budgetObserved(comparison, regression)).isEqualTo("12.3% worse");
    assertThat(ComparisonFormat.budgetUnit(comparison, rate)).isEmpty();
    assertThat(ComparisonFormat.budgetUnit(comparison, drop)).isEqualTo("%");
  }

  @Test
  void namesCommitsByBranchAndShortSha() {
    assertThat(ComparisonFormat.commit(ComparisonFixtures.base().metadata())).isEqualTo("main@3f2a9c1d0b7e");
  }

  @Test
  void everyHumanFormatPrintsNotAvailableForNaNAndInfinities() throws Exception {
    double nan = Double.NaN;
    double infinity = Double.POSITIVE_INFINITY;
    Comparison comparison = ComparisonFixtures.with(
        List.of(ComparisonFixtures.metric(ComparisonFixtures.DURATION, "p(95)", "ms",
            ComparisonFixtures.stats(nan, infinity, nan, -infinity, infinity, nan, nan, false, Verdict.REGRESSION)),
            ComparisonFixtures.metric(ComparisonFixtures.REQUESTS, "rate", "req/s",
                ComparisonFixtures.stats(infinity, nan, nan, nan, nan, infinity, -infinity, true,
                    Verdict.INCONCLUSIVE))),
        List.of(new BudgetResult(ComparisonFixtures.DURATION, "p(95) < 250ms", false, nan, infinity, false),
            new BudgetResult(ComparisonFixtures.REQUESTS, "rate regression <= 5%", true, -infinity, nan, false)),
        List.of());
    Path junit = directory.resolve("junit.xml");
    Path csv = directory.resolve("comparison.csv");
    Reports.writeComparisonJunit(comparison, junit);
    Reports.writeComparisonCsv(comparison, csv);

    for (String text : List.of(Reports.comparisonConsole(comparison, false), Reports.comparisonMarkdown(comparison),
        Files.readString(junit), Files.readString(csv))) {
      assertThat(text).contains("n/a").doesNotContain("NaN", "Infinity", "∞");
    }
  }
}
