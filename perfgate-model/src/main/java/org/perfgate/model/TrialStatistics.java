package org.perfgate.model;

import java.util.Objects;

/**
 * The statistical comparison of one quantity measured in several trials on each side.
 * Percentages are relative to the baseline's median: {@code +5.0} means 5 % higher.
 *
 * @param baseTrials trials of the baseline
 * @param headTrials trials of the candidate
 * @param baseMedian median of the baseline's trial values
 * @param headMedian median of the candidate's trial values
 * @param changePercent estimated change (Hodges-Lehmann shift of log values, as a percentage)
 * @param ciLowPercent lower end of the confidence interval of the change
 * @param ciHighPercent upper end of the confidence interval of the change
 * @param confidence the confidence level of the interval, e.g. 0.99
 * @param pValue two-sided Mann-Whitney U p-value
 * @param mdePercent minimum detectable effect: the smallest change this noise level and trial count
 *     detect with 80 % power
 * @param tolerancePercent changes within this are not regressions or improvements
 * @param higherIsBetter true for throughput-like quantities
 * @param verdict the decision
 */
public record TrialStatistics(
    int baseTrials,
    int headTrials,
    double baseMedian,
    double headMedian,
    double changePercent,
    double ciLowPercent,
    double ciHighPercent,
    double confidence,
    double pValue,
    double mdePercent,
    double tolerancePercent,
    boolean higherIsBetter,
    Verdict verdict) {
  public TrialStatistics {
    Objects.requireNonNull(verdict, "verdict");
  }
}
