package org.perfgate.model;

import java.util.Objects;

/**
 * One statistic of one (sub-)metric compared between a baseline and a candidate, e.g. the
 * {@code p(95)} of {@code http_req_duration{name:login}} over five trials on each side.
 *
 * @param key the (sub-)metric
 * @param statistic which per-trial statistic was compared, as k6 names aggregations: {@code p(95)},
 *     {@code med}, {@code avg}, {@code rate}
 * @param unit the unit of {@link TrialStatistics#baseMedian()} and {@link TrialStatistics#headMedian()}:
 *     {@code ms} for time trends, {@code req/s}, {@code %} for rates, or empty for plain numbers
 * @param statistics the comparison itself; its percentages are relative to the baseline
 */
public record MetricComparison(MetricKey key, String statistic, String unit, TrialStatistics statistics) {
  public MetricComparison {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(statistics, "statistics");
    if (statistic.isBlank()) {
      throw new IllegalArgumentException("statistic must not be blank, e.g. p(95) or med");
    }
  }

  /** The decision on this statistic, {@code statistics().verdict()}. */
  public Verdict verdict() {
    return statistics.verdict();
  }

  /** What users read as the name of this comparison: {@code http_req_duration{name:login} p(95)}. */
  public String title() {
    return key + " " + statistic;
  }
}
