package org.perfgate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.MetricType;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * The numbers of comparison reports as people read them: values in their unit ({@code 245.31ms},
 * {@code 1234.5 req/s}), changes with a sign ({@code +5.2%}), intervals ({@code [+3.1%, +7.4%]}),
 * p-values ({@code p=0.003}, {@code p<0.001}) and MDEs ({@code ±2.1%}). NaN and infinities, which a
 * comparison of too few or empty trials can produce, print as {@code n/a}.
 */
final class ComparisonFormat {
  static final String NOT_AVAILABLE = "n/a";

  private ComparisonFormat() {}

  /**
   * A value in {@code unit}: times in the k6 summary's style (rounded, not truncated: see
   * {@link Units#roundedDuration}), others with about three significant digits.
   */
  static String value(double value, String unit) {
    if (!Double.isFinite(value)) {
      return NOT_AVAILABLE;
    }
    return switch (unit) {
      case "ms" -> Units.roundedDuration(value);
      case "B" -> Units.bytes(value);
      case "" -> number(value);
      case "%" -> number(value) + "%";
      default -> number(value) + " " + unit;
    };
  }

  /**
   * A plain number: whole above 1000, then one, two decimals, below 1 three significant digits
   * (at most six decimals); no trailing zeros.
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return NOT_AVAILABLE;
    }
    double magnitude = Math.abs(value);
    int decimals;
    if (magnitude >= 1000) {
      decimals = 0;
    } else if (magnitude >= 100) {
      decimals = 1;
    } else if (magnitude >= 1) {
      decimals = 2;
    } else if (magnitude == 0) {
      decimals = 0;
    } else {
      decimals = Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude)));
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  /** A change in percent with one decimal and its sign: {@code +5.2%}, {@code -0.8%}, {@code 0.0%}. */
  static String change(double percent) {
    if (!Double.isFinite(percent)) {
      return NOT_AVAILABLE;
    }
    BigDecimal rounded = BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
    // A change that rounds to zero gets no sign: "-0.0%" would suggest a direction there is none of.
    String sign = rounded.signum() > 0 ? "+" : "";
    return sign + (rounded.signum() == 0 ? "0.0" : rounded.toPlainString()) + "%";
  }

  /** A confidence interval of a change: {@code [+3.1%, +7.4%]}. */
  static String interval(double lowPercent, double highPercent) {
    return "[" + change(lowPercent) + ", " + change(highPercent) + "]";
  }

  /** The change and its interval: {@code +5.2% [+3.1%, +7.4%]}. */
  static String changeWithInterval(MetricComparison metric) {
    TrialStatistics statistics = metric.statistics();
    return change(statistics.changePercent()) + " " + interval(statistics.ciLowPercent(), statistics.ciHighPercent());
  }

  /** {@code p=0.003}, {@code p<0.001}, {@code p=1.000}. */
  static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return "p=" + NOT_AVAILABLE;
    }
    if (p < 0.001) {
      return "p<0.001";
    }
    return "p=" + BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }

  /** A symmetric bound in percent with one decimal: {@code ±2.1%}, used for MDEs and tolerances. */
  static String plusMinus(double percent) {
    if (!Double.isFinite(percent)) {
      return NOT_AVAILABLE;
    }
    return "±" + BigDecimal.valueOf(Math.abs(percent)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A confidence level in percent: {@code 99%}, {@code 99.9%}. */
  static String confidence(double level) {
    if (!Double.isFinite(level)) {
      return NOT_AVAILABLE;
    }
    return number(level * 100) + "%";
  }

  /**
   * A budget's observed value: for relative budgets the worsening ({@code 3.0% worse},
   * {@code 2.0% better}: a signed change would read the wrong way round for throughput drops), else
   * the value in the metric's unit, rates as percentages.
   */
  static String budgetObserved(Comparison comparison, BudgetResult budget) {
    if (!budget.relative()) {
      return absolute(comparison, budget, budget.observed());
    }
    if (!Double.isFinite(budget.observed())) {
      return NOT_AVAILABLE;
    }
    BigDecimal worse = BigDecimal.valueOf(budget.observed()).setScale(1, RoundingMode.HALF_UP);
    return worse.abs().toPlainString() + "% " + (worse.signum() < 0 ? "better" : "worse");
  }

  /** A budget's limit, formatted as its observed value is: {@code 10.0%}, {@code 250ms}, {@code 1%}. */
  static String budgetLimit(Comparison comparison, BudgetResult budget) {
    if (!budget.relative()) {
      return absolute(comparison, budget, budget.limit());
    }
    return Double.isFinite(budget.limit())
        ? BigDecimal.valueOf(budget.limit()).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%"
        : NOT_AVAILABLE;
  }

  private static String absolute(Comparison comparison, BudgetResult budget, double value) {
    if (!Double.isFinite(value)) {
      return NOT_AVAILABLE;
    }
    if (isRate(comparison, budget)) {
      return number(value * 100) + "%";
    }
    return value(value, budgetUnit(comparison, budget));
  }

  /**
   * The unit of a budget's raw numbers, as {@link BudgetResult} defines them: {@code %} for
   * relative budgets, {@code ms} for time metrics, else empty (a rate's fraction, a counter's rate
   * per second, a plain value). A BudgetResult carries no unit, so the metric tells: a built-in's
   * kind, or the unit of a comparison of the same key.
   */
  static String budgetUnit(Comparison comparison, BudgetResult budget) {
    if (budget.relative()) {
      return "%";
    }
    return BuiltinMetric.byName(budget.key().name()).map(BuiltinMetric::isTime).orElse(false)
        || comparedIn(comparison, budget, "ms") ? "ms" : "";
  }

  private static boolean isRate(Comparison comparison, BudgetResult budget) {
    return BuiltinMetric.byName(budget.key().name()).map(builtin -> builtin.type() == MetricType.RATE).orElse(false)
        || comparedIn(comparison, budget, "%");
  }

  private static boolean comparedIn(Comparison comparison, BudgetResult budget, String unit) {
    for (MetricComparison metric : comparison.metrics()) {
      if (metric.key().equals(budget.key()) && metric.unit().equals(unit)) {
        return true;
      }
    }
    return false;
  }

  /** Counts of metric verdicts, in verdict order, skipping zeros: {@code 1 regression, 2 no change}. */
  static String verdictCounts(Comparison comparison) {
    StringBuilder text = new StringBuilder();
    for (Verdict verdict : Verdict.values()) {
      int count = comparison.count(verdict);
      if (count > 0) {
        text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(verdict.label());
      }
    }
    return text.isEmpty() ? "no metrics compared" : text.toString();
  }

  /** {@code 1 of 2 budgets broken}, {@code 2 budgets hold}, or empty when there are none. */
  static String budgetCounts(Comparison comparison) {
    int total = comparison.budgets().size();
    int broken = comparison.brokenBudgets();
    if (total == 0) {
      return "";
    }
    String budgets = total == 1 ? "budget" : "budgets";
    return broken == 0 ? (total == 1 ? "1 budget holds" : total + " budgets hold")
        : broken + " of " + total + " " + budgets + " broken";
  }

  /** The commit as users name it: {@code main@abc1234}, {@code abc1234}, or {@code n/a}. */
  static String commit(RunMetadata metadata) {
    String sha = metadata.gitSha().map(full -> full.length() > 12 ? full.substring(0, 12) : full).orElse("");
    String branch = metadata.branch().orElse("");
    if (sha.isEmpty()) {
      return branch.isEmpty() ? NOT_AVAILABLE : branch;
    }
    return branch.isEmpty() ? sha : branch + "@" + sha;
  }

  /** {@code 1 trial} or {@code 5 trials}. */
  static String trials(int count) {
    return count + (count == 1 ? " trial" : " trials");
  }
}
