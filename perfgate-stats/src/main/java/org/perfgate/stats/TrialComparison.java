package org.perfgate.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * Compares trials of a baseline and a candidate: one number per trial (e.g. the trial's p95
 * latency), N trials per side.
 *
 * <p>Method: values are compared as logarithms, so changes are ratios and lognormal noise becomes
 * normal. Significance is the two-sided Mann-Whitney U test (exact below 50 trials per side without
 * ties, exact by enumeration with ties while that is small (up to 10 + 10 trials), normal
 * approximation with tie correction otherwise); the change is the Hodges-Lehmann shift
 * of the log values, {@code (exp(shift) - 1) * 100} percent, with its distribution-free (Moses)
 * confidence interval at {@code 1 - alpha}. Rank methods keep the false-positive rate at or below
 * alpha whatever the noise's shape (outliers, bimodal runs), and lose little power to a t-test on
 * clean normal noise (bench/stats-quality).
 *
 * <p>Verdict: a regression needs significance ({@code p < alpha}, interval excluding 0), a change in
 * the worse direction, and an estimate beyond the tolerance; improvements likewise. Otherwise {@code
 * NO_CHANGE} when the data could have shown a change of {@code max(tolerance, }{@link
 * CompareOptions#NO_CHANGE_FLOOR_PERCENT}{@code )} (the MDE is at most that) or when the interval lies
 * within the tolerance; {@code INCONCLUSIVE} when it could not. At alpha 0.01 a regression needs at
 * least 5 trials per side: with fewer,
 * no outcome is significant.
 *
 * <p>Thread-safe and pure; the result is a function of the inputs.
 */
public final class TrialComparison {
  /** Trials per side above which the n*m pairwise differences would cost too much memory. */
  public static final int MAX_TRIALS = 2_000;

  private static final MannWhitneyUTest MANN_WHITNEY = MannWhitneyUTest.withDefaults();

  private TrialComparison() {}

  /**
   * Compares {@code head} (the candidate) against {@code base}; percentages are relative to the
   * baseline.
   *
   * @param base one value per baseline trial, each finite and {@code > 0}
   * @param head one value per candidate trial, each finite and {@code > 0}
   * @throws IllegalArgumentException (clear message) for fewer than 2 or more than {@value
   *     #MAX_TRIALS} trials per side, NaN or infinite values, or values {@code <= 0}
   */
  public static TrialStatistics compare(double[] base, double[] head, CompareOptions options) {
    Objects.requireNonNull(options, "options");
    double[] logBase = logs("base", base);
    double[] logHead = logs("head", head);
    double alpha = options.alpha();

    double pValue = pValue(logBase, logHead);
    ShiftEstimate shift = ShiftEstimate.of(logBase, logHead, alpha);
    double changePercent = percent(shift.estimate());
    double ciLowPercent = percent(shift.low());
    double ciHighPercent = percent(shift.high());
    double mdePercent = percent(shift.minimumDetectableShift(alpha));

    Verdict verdict = decide(options, pValue, changePercent, ciLowPercent, ciHighPercent, mdePercent);
    return new TrialStatistics(base.length, head.length, median(base), median(head), changePercent,
        ciLowPercent, ciHighPercent, 1 - alpha, pValue, mdePercent, options.tolerancePercent(),
        options.higherIsBetter(), verdict);
  }

  static Verdict decide(CompareOptions options, double pValue, double changePercent, double ciLowPercent,
      double ciHighPercent, double mdePercent) {
    double tolerance = options.tolerancePercent();
    boolean significant = pValue < options.alpha() && (ciLowPercent > 0 || ciHighPercent < 0);
    if (significant && Math.abs(changePercent) > tolerance) {
      boolean increase = changePercent > 0;
      return increase == options.higherIsBetter() ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
    }
    boolean couldHaveSeenIt = mdePercent <= Math.max(tolerance, CompareOptions.NO_CHANGE_FLOOR_PERCENT);
    boolean withinTolerance = ciLowPercent >= -tolerance && ciHighPercent <= tolerance;
    return couldHaveSeenIt || withinTolerance ? Verdict.NO_CHANGE : Verdict.INCONCLUSIVE;
  }

  /**
   * Two-sided Mann-Whitney p-value (ranks, so logs change nothing). When every value is tied the
   * test's variance is 0 and the library yields NaN: nothing distinguishes the samples, p = 1.
   */
  private static double pValue(double[] logBase, double[] logHead) {
    if (ShiftEstimate.tieSum(logBase, logHead) > 0 && ExactRankTest.applies(logBase.length, logHead.length)) {
      return ExactRankTest.pValue(logBase, logHead);
    }
    double p = MANN_WHITNEY.test(logHead, logBase).getPValue();
    return Double.isNaN(p) ? 1 : p;
  }

  private static double[] logs(String side, double[] values) {
    Objects.requireNonNull(values, side);
    if (values.length < 2) {
      throw new IllegalArgumentException(side + ": needs at least 2 trials, got " + values.length);
    }
    if (values.length > MAX_TRIALS) {
      throw new IllegalArgumentException(side + ": at most " + MAX_TRIALS + " trials, got " + values.length);
    }
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double value = values[i];
      if (!Double.isFinite(value) || value <= 0) {
        throw new IllegalArgumentException(side + "[" + i + "]: expected a finite number > 0 (changes are "
            + "compared as ratios, on logarithms), got " + value);
      }
      logs[i] = Math.log(value);
    }
    return logs;
  }

  private static double percent(double logShift) {
    return Math.expm1(logShift) * 100;
  }

  /** The median; the mean of the middle two for an even count. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
