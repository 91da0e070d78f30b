package org.perfgate.stats;

/**
 * How {@link ChangePoints#detect} searches a series.
 *
 * @param alpha a split is a change point when its permutation p-value is below this; in {@code (0, 1)}
 * @param permutations permutations per significance test, {@code >= 1}; the smallest p-value is
 *     {@code 1 / (permutations + 1)}, so it must be below {@code alpha}
 * @param minSegment the fewest values between two change points (and before the first, after the
 *     last), {@code >= 2}
 * @param seed seed of the permutations: the same inputs and seed give the same change points
 */
public record DetectOptions(double alpha, int permutations, int minSegment, long seed) {
  /** The default significance level: at most about 1 % of change-free series get a false change point. */
  public static final double DEFAULT_ALPHA = 0.01;

  /** The default permutation count: the smallest p-value is then 1/200 = 0.005 < {@link #DEFAULT_ALPHA}. */
  public static final int DEFAULT_PERMUTATIONS = 199;

  /** The default minimum segment: 5 values, so one or two outliers in a row do not form a segment. */
  public static final int DEFAULT_MIN_SEGMENT = 5;

  public DetectOptions {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha: expected a number between 0 and 1 (exclusive), got " + alpha);
    }
    if (permutations < 1 || 1.0 / (permutations + 1.0) >= alpha) {
      throw new IllegalArgumentException("permutations: expected at least " + (int) Math.ceil(1 / alpha)
          + " (the smallest p-value, 1/(permutations + 1), must be below alpha " + alpha + "), got " + permutations);
    }
    if (minSegment < 2) {
      throw new IllegalArgumentException("minSegment: expected at least 2 values, got " + minSegment);
    }
  }

  /** Alpha {@value #DEFAULT_ALPHA}, {@value #DEFAULT_PERMUTATIONS} permutations, segments of at least {@value #DEFAULT_MIN_SEGMENT}, seed 1. */
  public static DetectOptions defaults() {
    return new DetectOptions(DEFAULT_ALPHA, DEFAULT_PERMUTATIONS, DEFAULT_MIN_SEGMENT, 1);
  }

  public DetectOptions withAlpha(double value) {
    return new DetectOptions(value, permutations, minSegment, seed);
  }

  public DetectOptions withPermutations(int value) {
    return new DetectOptions(alpha, value, minSegment, seed);
  }

  public DetectOptions withMinSegment(int value) {
    return new DetectOptions(alpha, permutations, value, seed);
  }

  public DetectOptions withSeed(long value) {
    return new DetectOptions(alpha, permutations, minSegment, value);
  }
}
