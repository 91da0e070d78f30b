package org.perfgate.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Critical values of the Mann-Whitney U statistic under the null hypothesis, for the
 * distribution-free confidence interval of a shift (Commons Statistics has the test, not the
 * interval). The exact/asymptotic choice mirrors {@code MannWhitneyUTest}'s, so the interval excludes
 * 0 exactly when the test rejects.
 */
final class RankSumDistribution {
  /** Below this many trials on the larger side, and without ties, the exact distribution is used. */
  static final int EXACT_LIMIT = 50;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private RankSumDistribution() {}

  /**
   * The largest {@code u} with {@code P(U <= u) < alpha / 2} for samples of {@code n} and {@code m}
   * values, or -1 when even {@code U = 0} is not that rare (too few trials for this alpha).
   *
   * @param tieSum {@code sum(t^3 - t)} over groups of {@code t} tied values in the pooled sample
   */
  static long lowerCriticalValue(int n, int m, double alpha, double tieSum) {
    double total = (double) n + m;
    // Every value tied: the data has no noise at all, and any shift would separate the samples as
    // cleanly as untied data; the tie-corrected variance (0) would say the opposite.
    double ties = tieSum >= total * total * total - total ? 0 : tieSum;
    // With ties, the p-value is exact by enumeration while that is small (ExactRankTest); the
    // untied exact critical values are then the interval's matching (slightly conservative) bound.
    if ((ties == 0 && Math.max(n, m) < EXACT_LIMIT) || ExactRankTest.applies(n, m)) {
      return exactLowerCriticalValue(n, m, alpha);
    }
    return asymptoticLowerCriticalValue(n, m, alpha, ties);
  }

  /**
   * Exact: the counts of U values are the coefficients of the Gaussian binomial {@code [n+m choose
   * n]_q = prod_{i=1..k} (1 - q^(K+i)) / (1 - q^i)} with {@code k = min(n, m)}, {@code K = max(n,
   * m)}. Only the lower half is needed, and low coefficients never depend on higher ones.
   */
  static long exactLowerCriticalValue(int n, int m, double alpha) {
    int small = Math.min(n, m);
    int large = Math.max(n, m);
    int limit = small * large / 2;
    double[] counts = new double[limit + 1];
    counts[0] = 1;
    for (int i = 1; i <= small; i++) {
      int power = large + i;
      for (int degree = limit; degree >= power; degree--) {
        counts[degree] -= counts[degree - power];
      }
      for (int degree = i; degree <= limit; degree++) {
        counts[degree] += counts[degree - i];
      }
    }
    double bound = alpha / 2 * binomial(n + m, small);
    double cumulative = 0;
    for (int u = 0; u <= limit; u++) {
      cumulative += counts[u];
      if (!(cumulative < bound)) {
        return u - 1;
      }
    }
    return limit;
  }

  /**
   * Normal approximation with tie correction and continuity correction, as the test's: it rejects
   * when {@code u < nm/2 - 1/2 - z * sigma}.
   */
  static long asymptoticLowerCriticalValue(int n, int m, double alpha, double tieSum) {
    double nm = (double) n * m;
    double total = (double) n + m;
    double variance = nm / 12 * ((total + 1) - tieSum / (total * (total - 1)));
    double z = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
    double threshold = nm / 2 - 0.5 - z * Math.sqrt(variance);
    return Math.max(-1, (long) Math.ceil(threshold) - 1);
  }

  private static double binomial(int total, int chosen) {
    double value = 1;
    for (int i = 1; i <= chosen; i++) {
      value = value * (total - chosen + i) / i;
    }
    return value;
  }
}
