package org.perfgate.stats;

import java.util.Arrays;

/**
 * The exact two-sided p-value of the rank-sum test when values tie, by enumerating every way to
 * split the pooled trials into the two sides (with mid-ranks for ties). Commons Statistics falls
 * back to the normal approximation as soon as one value ties, which at 5 trials per side can never
 * reach p < 0.01; ties are common here because per-trial statistics come from HdrHistograms with 3
 * significant digits. Written here because the library has no exact test with ties; used only while
 * the enumeration is small ({@link #MAX_ARRANGEMENTS}).
 */
final class ExactRankTest {
  /** 10 + 10 trials are 184,756 arrangements: about a millisecond. */
  static final long MAX_ARRANGEMENTS = 250_000;

  private ExactRankTest() {}

  /** Whether {@link #pValue} applies: few enough arrangements to enumerate. */
  static boolean applies(int n, int m) {
    return arrangements(n, m) <= MAX_ARRANGEMENTS;
  }

  /** Two-sided: the share of splits whose rank sum is at least as far from its mean as observed. */
  static double pValue(double[] base, double[] head) {
    int n = base.length;
    int m = head.length;
    double[] pooled = new double[n + m];
    System.arraycopy(base, 0, pooled, 0, n);
    System.arraycopy(head, 0, pooled, n, m);
    double[] ranks = midRanks(pooled);
    double observed = 0;
    for (int i = n; i < n + m; i++) {
      observed += ranks[i];
    }
    double mean = m * (n + m + 1) / 2.0;
    // a hair of slack so that sums equal to the observed one in exact arithmetic count as extreme
    double distance = Math.abs(observed - mean) - 1e-9;
    long[] extreme = new long[1];
    count(ranks, 0, m, 0, mean, distance, extreme);
    return extreme[0] / (double) arrangements(n, m);
  }

  private static void count(double[] ranks, int from, int left, double sum, double mean, double distance,
      long[] extreme) {
    if (left == 0) {
      if (Math.abs(sum - mean) >= distance) {
        extreme[0]++;
      }
      return;
    }
    for (int i = from; i <= ranks.length - left; i++) {
      count(ranks, i + 1, left - 1, sum + ranks[i], mean, distance, extreme);
    }
  }

  /** Ranks from 1, tied values sharing the mean of their ranks. */
  static double[] midRanks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double rank = (start + end) / 2.0 + 1;
      for (int i = start; i <= end; i++) {
        ranks[order[i]] = rank;
      }
      start = end + 1;
    }
    return ranks;
  }

  static long arrangements(int n, int m) {
    double value = 1;
    for (int i = 1; i <= Math.min(n, m); i++) {
      value = value * (n + m - Math.min(n, m) + i) / i;
      if (value > Long.MAX_VALUE / 4) {
        return Long.MAX_VALUE;
      }
    }
    return Math.round(value);
  }
}
