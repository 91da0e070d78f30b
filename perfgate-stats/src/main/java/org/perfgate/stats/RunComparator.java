package org.perfgate.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.Aggregation;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.Budget;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * Compares the trials of two sides run by run: which statistics are compared, how one number per
 * trial is taken from each run, and how budgets are judged. The statistics themselves are
 * {@link TrialComparison}'s.
 *
 * <p>Compared by default: {@code http_req_duration} at {@code p(95)} and {@code med}, the
 * {@code p(95)} of every named request ({@code http_req_duration{name:...}}), and the throughput
 * ({@code http_reqs} rate, higher is better). Relative budgets add their statistic (such as the
 * system under test's {@code sut_*} metrics of {@code perfgate ab}) or set the tolerance of an
 * existing one.
 */
public final class RunComparator {
  private static final String DURATION = BuiltinMetric.HTTP_REQ_DURATION.metricName();
  private static final String REQUESTS = BuiltinMetric.HTTP_REQS.metricName();

  private RunComparator() {}

  /** One statistic to compare. */
  private record Target(MetricKey key, Aggregation aggregation, double tolerancePercent, boolean higherIsBetter) {}

  /**
   * @param base the baseline's trials (at least one run; statistics need two per side)
   * @param head the candidate's trials
   * @param budgets the budgets in force
   * @param options alpha and seed; tolerance and direction are set per statistic
   * @param warnings found by the caller (e.g. differing environments), reported as given
   */
  public static Comparison compare(String planName, ComparedSide baseSide, List<RunResult> base,
      ComparedSide headSide, List<RunResult> head, List<Budget> budgets, CompareOptions options,
      List<String> warnings) {
    List<String> notes = new ArrayList<>(warnings);
    Map<String, Target> targets = defaultTargets(head.get(0), options.tolerancePercent());
    for (Budget budget : budgets) {
      if (budget.kind() == Budget.Kind.RELATIVE) {
        Target target = new Target(budget.metric(), budget.aggregation(), budget.tolerancePercent(),
            budget.higherIsBetter());
        targets.put(id(target.key(), target.aggregation()), target);
      }
    }
    Map<String, TrialStatistics> byTarget = new LinkedHashMap<>();
    List<MetricComparison> metrics = new ArrayList<>();
    for (Target target : targets.values()) {
      Optional<double[]> baseValues = values(base, target);
      Optional<double[]> headValues = values(head, target);
      if (baseValues.isEmpty() || headValues.isEmpty()) {
        continue; // the metric exists on one side only: nothing to compare
      }
      if (min(baseValues.get()) <= 0 || min(headValues.get()) <= 0) {
        notes.add(target.key() + " " + target.aggregation() + ": some trials measured 0, so it is not compared"
            + " statistically (changes are relative); use an absolute budget for it");
        continue;
      }
      CompareOptions forTarget = options.withTolerancePercent(target.tolerancePercent())
          .withHigherIsBetter(target.higherIsBetter());
      TrialStatistics statistics = TrialComparison.compare(baseValues.get(), headValues.get(), forTarget);
      byTarget.put(id(target.key(), target.aggregation()), statistics);
      metrics.add(new MetricComparison(target.key(), target.aggregation().toString(), unit(target), statistics));
    }
    List<BudgetResult> budgetResults = new ArrayList<>();
    for (Budget budget : budgets) {
      if (budget.kind() == Budget.Kind.ABSOLUTE) {
        Target target = new Target(budget.metric(), budget.aggregation(), 0, false);
        Optional<double[]> values = values(head, target);
        if (values.isEmpty()) {
          notes.add("budget '" + budget.expression() + "' on " + budget.metric() + " could not be checked: the "
              + "candidate has no such values (missing metric, or a percentile other than p(50/90/95/99/99.9))");
        }
        double observed = values.map(TrialComparison::median).orElse(Double.NaN);
        boolean ok = values.isPresent() && budget.operator().test(observed, budget.limit());
        budgetResults.add(new BudgetResult(budget.metric(), budget.expression(), false, observed, budget.limit(), ok));
      } else {
        TrialStatistics statistics = byTarget.get(id(budget.metric(), budget.aggregation()));
        if (statistics == null) {
          notes.add("budget '" + budget.expression() + "' on " + budget.metric() + " could not be checked: "
              + "the metric is missing or measured 0 on one side");
          continue;
        }
        budgetResults.add(new BudgetResult(budget.metric(), budget.expression(), true, statistics.changePercent(),
            budget.tolerancePercent(), statistics.verdict() != Verdict.REGRESSION));
      }
    }
    return new Comparison(planName, baseSide, headSide, metrics, budgetResults, notes);
  }

  private static Map<String, Target> defaultTargets(RunResult head, double tolerance) {
    Map<String, Target> targets = new LinkedHashMap<>();
    Aggregation p95 = Aggregation.percentile(95);
    Aggregation med = Aggregation.of(Aggregation.Kind.MED);
    MetricKey duration = MetricKey.of(DURATION);
    targets.put(id(duration, p95), new Target(duration, p95, tolerance, false));
    targets.put(id(duration, med), new Target(duration, med, tolerance, false));
    for (MetricResult metric : head.metrics()) {
      MetricKey key = metric.key();
      if (key.name().equals(DURATION) && key.tags().size() == 1 && key.tags().containsKey("name")) {
        targets.put(id(key, p95), new Target(key, p95, tolerance, false));
      }
    }
    MetricKey requests = MetricKey.of(REQUESTS);
    Aggregation rate = Aggregation.of(Aggregation.Kind.RATE);
    targets.put(id(requests, rate), new Target(requests, rate, tolerance, true));
    return targets;
  }

  private static String id(MetricKey key, Aggregation aggregation) {
    return key + " " + aggregation;
  }

  /** One value per trial, or empty when a trial lacks the metric. */
  private static Optional<double[]> values(List<RunResult> trials, Target target) {
    double[] values = new double[trials.size()];
    for (int i = 0; i < values.length; i++) {
      Optional<MetricResult> metric = trials.get(i).metric(target.key());
      if (metric.isEmpty()) {
        return Optional.empty();
      }
      OptionalValue value = value(metric.get().values(), target.aggregation());
      if (!value.present()) {
        return Optional.empty();
      }
      values[i] = value.value();
    }
    return Optional.of(values);
  }

  private record OptionalValue(boolean present, double value) {
    static final OptionalValue NONE = new OptionalValue(false, 0);
  }

  private static OptionalValue value(MetricValues values, Aggregation aggregation) {
    return switch (values) {
      case MetricValues.Trend trend -> {
        if (trend.stats().count() == 0) {
          yield OptionalValue.NONE;
        }
        yield switch (aggregation.kind()) {
          case AVG -> new OptionalValue(true, trend.stats().avg());
          case MIN -> new OptionalValue(true, trend.stats().min());
          case MAX -> new OptionalValue(true, trend.stats().max());
          case MED -> new OptionalValue(true, trend.stats().med());
          case PERCENTILE -> percentile(trend, aggregation.percentile());
          default -> OptionalValue.NONE;
        };
      }
      case MetricValues.Counter counter -> switch (aggregation.kind()) {
        case RATE -> new OptionalValue(true, counter.ratePerSecond());
        case COUNT -> new OptionalValue(true, counter.count());
        default -> OptionalValue.NONE;
      };
      case MetricValues.Rate rate -> new OptionalValue(aggregation.kind() == Aggregation.Kind.RATE, rate.rate());
      case MetricValues.Gauge gauge -> new OptionalValue(aggregation.kind() == Aggregation.Kind.VALUE, gauge.value());
    };
  }

  private static OptionalValue percentile(MetricValues.Trend trend, double percentile) {
    if (percentile == 90) {
      return new OptionalValue(true, trend.stats().p90());
    }
    if (percentile == 95) {
      return new OptionalValue(true, trend.stats().p95());
    }
    if (percentile == 99) {
      return new OptionalValue(true, trend.stats().p99());
    }
    if (percentile == 99.9) {
      return new OptionalValue(true, trend.stats().p999());
    }
    if (percentile == 50) {
      return new OptionalValue(true, trend.stats().med());
    }
    return OptionalValue.NONE;
  }

  private static String unit(Target target) {
    BuiltinMetric metric = BuiltinMetric.byName(target.key().name()).orElse(null);
    if (metric == null) {
      return "";
    }
    if (metric.isTime()) {
      return "ms";
    }
    if (metric == BuiltinMetric.SUT_RSS || metric == BuiltinMetric.SUT_RSS_PEAK || metric == BuiltinMetric.SUT_RSS_AT_READY) {
      return "B";
    }
    return switch (metric.type()) {
      case COUNTER -> target.aggregation().kind() == Aggregation.Kind.RATE ? "/s" : "";
      default -> ""; // rates are fractions (0.01 = 1 %), gauges plain numbers
    };
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }
}
