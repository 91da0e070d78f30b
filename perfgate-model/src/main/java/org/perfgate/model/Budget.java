package org.perfgate.model;

import java.util.Objects;

/**
 * A performance budget on one (sub-)metric. Absolute: {@code p(95) < 250ms}, checked against the
 * candidate's trials (the median of the per-trial values). Relative: {@code p(95) regression <= 10%}
 * or {@code throughput drop <= 5%}, checked by comparing against a baseline: broken when the
 * comparison finds a statistically significant regression larger than the tolerance.
 *
 * @param expression the text as written
 * @param limit for absolute budgets: the limit in the metric's display unit (ms for time trends,
 *     a fraction for rates, per second for counter rates); 0 for relative ones
 * @param tolerancePercent for relative budgets: the tolerated worsening in percent; 0 for absolute
 * @param higherIsBetter for relative budgets: true for throughput-like quantities
 */
public record Budget(
    MetricKey metric,
    String expression,
    Kind kind,
    Aggregation aggregation,
    Threshold.Operator operator,
    double limit,
    double tolerancePercent,
    boolean higherIsBetter,
    SourceLocation location) {

  /** Absolute limit, or tolerance relative to a baseline. */
  public enum Kind {
    ABSOLUTE,
    RELATIVE
  }

  public Budget {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(location, "location");
    if (tolerancePercent < 0 || !Double.isFinite(tolerancePercent)) {
      throw new IllegalArgumentException("tolerance must be a finite non-negative percentage");
    }
  }

  /** Two budgets on the same thing: a later layer (profile, config) replaces an earlier one (plan). */
  public boolean sameTarget(Budget other) {
    return metric.equals(other.metric) && kind == other.kind && aggregation.equals(other.aggregation);
  }
}
