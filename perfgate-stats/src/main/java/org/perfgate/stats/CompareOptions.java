package org.perfgate.stats;

/**
 * How {@link TrialComparison} compares two sets of trials.
 *
 * @param tolerancePercent changes up to this size, in percent of the baseline, are never a
 *     regression or an improvement; {@code >= 0}
 * @param higherIsBetter true for throughput-like quantities; false (latency-like, the default)
 *     makes an increase a regression
 * @param alpha significance level of the two-sided test; the confidence interval is at {@code 1 -
 *     alpha}; in {@code (0, 0.5)}
 * @param seed seed for resampling methods; today's method is exact and rank-based, so no result
 *     depends on it
 */
public record CompareOptions(double tolerancePercent, boolean higherIsBetter, double alpha, long seed) {
  /**
   * The default significance level. Two-sided, so both wrong verdicts together (a regression or an
   * improvement where nothing changed) stay at or below 1 % per metric: a gate that cries wolf gets
   * switched off. 10 trials per side still detect a 5 % change at 2 % noise with 98 % power.
   */
  public static final double DEFAULT_ALPHA = 0.01;

  /**
   * The change size below which "no change" is never claimed on the strength of the trial count:
   * without a tolerance, {@code NO_CHANGE} needs a minimum detectable effect of at most this (5 %,
   * the change the quality bar requires perfgate to catch at 2 % noise with 10 trials per side).
   */
  public static final double NO_CHANGE_FLOOR_PERCENT = 5.0;

  public CompareOptions {
    if (!(tolerancePercent >= 0) || Double.isInfinite(tolerancePercent)) {
      throw new IllegalArgumentException("tolerancePercent: expected a finite number >= 0, got " + tolerancePercent);
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha: expected a number between 0 and 0.5 (exclusive), got " + alpha);
    }
  }

  /** Tolerance 0, lower is better, alpha {@value #DEFAULT_ALPHA}, seed 1. */
  public static CompareOptions defaults() {
    return new CompareOptions(0, false, DEFAULT_ALPHA, 1);
  }

  public CompareOptions withTolerancePercent(double value) {
    return new CompareOptions(value, higherIsBetter, alpha, seed);
  }

  public CompareOptions withHigherIsBetter(boolean value) {
    return new CompareOptions(tolerancePercent, value, alpha, seed);
  }

  public CompareOptions withAlpha(double value) {
    return new CompareOptions(tolerancePercent, higherIsBetter, value, seed);
  }

  public CompareOptions withSeed(long value) {
    return new CompareOptions(tolerancePercent, higherIsBetter, alpha, value);
  }
}
