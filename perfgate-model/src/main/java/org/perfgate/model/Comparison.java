package org.perfgate.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of comparing a candidate ({@code head}) with a baseline ({@code base}): the output of
 * {@code perfgate compare} and {@code perfgate ab}, and the input of every comparison report.
 *
 * @param planName the plan both sides ran
 * @param base the baseline side
 * @param head the candidate side
 * @param metrics each compared statistic, in report order
 * @param budgets each budget's outcome, in plan order
 * @param warnings things that make the comparison less trustworthy, as sentences (e.g. differing
 *     environments), in the order found
 */
public record Comparison(
    String planName,
    ComparedSide base,
    ComparedSide head,
    List<MetricComparison> metrics,
    List<BudgetResult> budgets,
    List<String> warnings) {
  public Comparison {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    metrics = List.copyOf(metrics);
    budgets = List.copyOf(budgets);
    warnings = List.copyOf(warnings);
  }

  /**
   * The overall verdict: {@link Verdict#REGRESSION} if any metric regressed or any budget broke;
   * else {@link Verdict#INCONCLUSIVE} if any metric is; else {@link Verdict#IMPROVEMENT} if any
   * improved; else {@link Verdict#NO_CHANGE} (also when nothing was compared).
   */
  public Verdict overall() {
    for (BudgetResult budget : budgets) {
      if (!budget.ok()) {
        return Verdict.REGRESSION;
      }
    }
    if (any(Verdict.REGRESSION)) {
      return Verdict.REGRESSION;
    }
    if (any(Verdict.INCONCLUSIVE)) {
      return Verdict.INCONCLUSIVE;
    }
    return any(Verdict.IMPROVEMENT) ? Verdict.IMPROVEMENT : Verdict.NO_CHANGE;
  }

  /** How many metric comparisons have {@code verdict}. */
  public int count(Verdict verdict) {
    int count = 0;
    for (MetricComparison metric : metrics) {
      if (metric.verdict() == verdict) {
        count++;
      }
    }
    return count;
  }

  /** How many budgets do not hold. */
  public int brokenBudgets() {
    int broken = 0;
    for (BudgetResult budget : budgets) {
      if (!budget.ok()) {
        broken++;
      }
    }
    return broken;
  }

  private boolean any(Verdict verdict) {
    return count(verdict) > 0;
  }
}
