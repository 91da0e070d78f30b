package org.perfgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final BudgetResult HOLDS = new BudgetResult(MetricKey.of("m"), "p(95) < 250ms", false, 200, 250, true);
  private static final BudgetResult BROKEN = new BudgetResult(MetricKey.of("m"), "p(95) < 250ms", false, 300, 250,
      false);

  @Test
  void overallIsRegressionWhenAnyMetricRegressedWhateverElse() {
    assertThat(comparison(List.of(Verdict.IMPROVEMENT, Verdict.INCONCLUSIVE, Verdict.REGRESSION), HOLDS).overall())
        .isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void overallIsRegressionWhenABudgetBrokeEvenIfMetricsImproved() {
    assertThat(comparison(List.of(Verdict.IMPROVEMENT, Verdict.NO_CHANGE), BROKEN).overall())
        .isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void overallIsInconclusiveBeforeImprovement() {
    assertThat(comparison(List.of(Verdict.IMPROVEMENT, Verdict.INCONCLUSIVE), HOLDS).overall())
        .isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void overallIsImprovementBeforeNoChange() {
    assertThat(comparison(List.of(Verdict.NO_CHANGE, Verdict.IMPROVEMENT), HOLDS).overall())
        .isEqualTo(Verdict.IMPROVEMENT);
  }

  @Test
  void overallIsNoChangeWhenNothingMovedOrNothingWasCompared() {
    assertThat(comparison(List.of(Verdict.NO_CHANGE), HOLDS).overall()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(comparison(List.of()).overall()).isEqualTo(Verdict.NO_CHANGE);
  }

  @Test
  void countsVerdictsAndBrokenBudgets() {
    Comparison comparison = comparison(List.of(Verdict.NO_CHANGE, Verdict.NO_CHANGE, Verdict.REGRESSION), BROKEN,
        HOLDS);

    assertThat(comparison.count(Verdict.NO_CHANGE)).isEqualTo(2);
    assertThat(comparison.count(Verdict.IMPROVEMENT)).isZero();
    assertThat(comparison.brokenBudgets()).isOne();
  }

  @Test
  void copiesListsSoLaterChangesDoNotLeakIn() {
    List<String> warnings = new ArrayList<>(List.of("w"));
    Comparison comparison = new Comparison("p", side(), side(), List.of(), List.of(), warnings);

    warnings.add("later");

    assertThat(comparison.warnings()).containsExactly("w");
  }

  @Test
  void rejectsASideWithoutRuns() {
    assertThatThrownBy(() -> new ComparedSide("run x", "g", List.of(), side().metadata()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runIds must not be empty");
  }

  @Test
  void rejectsABlankStatisticAndBudgetExpression() {
    assertThatThrownBy(() -> new MetricComparison(MetricKey.of("m"), " ", "ms", statistics(Verdict.NO_CHANGE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statistic");
    assertThatThrownBy(() -> new BudgetResult(MetricKey.of("m"), "", true, 1, 2, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expression");
  }

  @Test
  void titlesAMetricComparisonByKeyAndStatistic() {
    MetricComparison metric = new MetricComparison(MetricKey.of("http_req_duration", Map.of("name", "login")),
        "p(95)", "ms", statistics(Verdict.NO_CHANGE));

    assertThat(metric.title()).isEqualTo("http_req_duration{name:login} p(95)");
  }

  private static Comparison comparison(List<Verdict> verdicts, BudgetResult... budgets) {
    List<MetricComparison> metrics = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      metrics.add(new MetricComparison(MetricKey.of("m" + metrics.size()), "med", "ms", statistics(verdict)));
    }
    return new Comparison("p", side(), side(), metrics, List.of(budgets), List.of());
  }

  private static TrialStatistics statistics(Verdict verdict) {
    return new TrialStatistics(5, 5, 100, 100, 0, -1, 1, 0.99, 0.5, 2, 5, false, verdict);
  }

  private static ComparedSide side() {
    return new ComparedSide("run r1", "g1", List.of("r1"),
        new RunMetadata("project", "p", "hash", Optional.empty(), Optional.empty(), Optional.empty(),
            Instant.EPOCH, new EnvironmentFingerprint("cpu", 1, "os", "jdk", "0.1.0", Map.of()), "g1", 1));
  }
}
