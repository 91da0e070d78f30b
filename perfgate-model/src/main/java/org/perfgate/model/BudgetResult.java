package org.perfgate.model;

import java.util.Objects;

/**
 * A {@link Budget} checked in a comparison: either absolute on the candidate
 * ({@code p(95) < 250ms}) or relative to the baseline ({@code p(95) regression <= 10%}).
 *
 * @param key the (sub-)metric the budget is on
 * @param expression the budget as the user wrote it, shown in reports
 * @param relative true when {@code observed} is the candidate's worsening against the baseline in
 *     percent ({@code 4.1} is 4.1 % worse: slower for times, lower for throughput; negative is better)
 *     and {@code limit} the tolerated worsening; false when both are values in the metric's display
 *     unit, as {@link Budget#limit()}: milliseconds for time trends, a fraction for rates, per second
 *     for counter rates
 * @param observed the value compared against {@code limit}; NaN when it could not be measured
 * @param limit the bound written in the expression, in the same unit as {@code observed}
 * @param ok true when the budget holds
 */
public record BudgetResult(MetricKey key, String expression, boolean relative, double observed, double limit,
    boolean ok) {
  public BudgetResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression must not be blank, e.g. p(95) < 250ms");
    }
  }
}
