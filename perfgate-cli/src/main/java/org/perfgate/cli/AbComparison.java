package org.perfgate.cli;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.perfgate.ab.AbResult;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.Verdict;

/**
 * One {@code perfgate ab} comparison: the trials of both sides and each plan's comparison, in plan
 * order. {@code --bisect} tests each commit with one and reads it through {@link #summary()}.
 */
record AbComparison(AbResult result, List<Comparison> comparisons) {
  AbComparison {
    Objects.requireNonNull(result, "result");
    comparisons = List.copyOf(comparisons);
  }

  /** True when any plan's overall verdict is a regression: the case where {@code ab} exits 100. */
  boolean regresses() {
    return overall() == Verdict.REGRESSION;
  }

  /** The worst overall verdict over the plans, ranked as {@link Comparison#overall()} ranks metrics. */
  Verdict overall() {
    List<Verdict> verdicts = comparisons.stream().map(Comparison::overall).toList();
    for (Verdict verdict : List.of(Verdict.REGRESSION, Verdict.INCONCLUSIVE, Verdict.IMPROVEMENT)) {
      if (verdicts.contains(verdict)) {
        return verdict;
      }
    }
    return Verdict.NO_CHANGE;
  }

  /**
   * The verdict in a few words; for a regression, the first regressing statistic in report order
   * and its change ({@code regression: http_req_duration med +48.0%}), or the first broken budget.
   */
  String summary() {
    if (!regresses()) {
      return overall().label();
    }
    for (Comparison comparison : comparisons) {
      String plan = comparisons.size() > 1 ? " (plan " + comparison.planName() + ")" : "";
      for (MetricComparison metric : comparison.metrics()) {
        if (metric.verdict() == Verdict.REGRESSION) {
          return String.format(Locale.ROOT, "regression: %s %+.1f%%%s", metric.title(),
              metric.statistics().changePercent(), plan);
        }
      }
      for (BudgetResult budget : comparison.budgets()) {
        if (!budget.ok()) {
          return "regression: budget " + budget.key() + " " + budget.expression() + " broken" + plan;
        }
      }
    }
    return Verdict.REGRESSION.label(); // unreachable: a regressing comparison has a regressing metric or budget
  }
}
