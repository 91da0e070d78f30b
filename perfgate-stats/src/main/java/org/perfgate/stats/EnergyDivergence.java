package org.perfgate.stats;

import java.util.Arrays;

/**
 * The E-divisive "q-hat" statistic of Matteson and James (2014) with exponent 1, for every split of
 * one segment: for left part X (m values) and right part Y (n values),
 * {@code q = mn/(m+n) * (2/(mn) sum|x - y| - 1/C(m,2) sum|x - x'| - 1/C(n,2) sum|y - y'|)}.
 *
 * <p>Cost: the within-part sums of absolute differences are built one value at a time, each value's
 * distance to all values already added read from Fenwick trees (prefix sums) of counts and sums over
 * the values' ranks, so all splits of a segment of {@code L} values cost {@code O(L log L)} instead of
 * the {@code O(L^2)} of the pairwise sums. Ranks do not change when a segment is permuted, so the
 * permutation test sorts once. Not thread-safe: buffers are reused across calls.
 */
final class EnergyDivergence {
  private final int[] countTree;
  private final double[] sumTree;
  private final double[] left;
  private final double[] right;

  /** Buffers for segments of up to {@code capacity} values. */
  EnergyDivergence(int capacity) {
    countTree = new int[capacity + 1];
    sumTree = new double[capacity + 1];
    left = new double[capacity + 1];
    right = new double[capacity + 1];
  }

  /**
   * The best split of {@code values[0, length)}: its position is written to {@code best[0]} (the first
   * value of the right part), its statistic returned; splits leave at least {@code minSegment} values
   * on each side ({@code length >= 2 * minSegment}).
   *
   * @param ranks each value's rank among the values, {@code 0..length-1}, distinct (ties in any order)
   */
  double bestSplit(double[] values, int[] ranks, int length, int minSegment, int[] best) {
    withinSums(values, ranks, length);
    double total = left[length];
    double bestStatistic = Double.NEGATIVE_INFINITY;
    int bestIndex = minSegment;
    for (int t = minSegment; t <= length - minSegment; t++) {
      double m = t;
      double n = length - t;
      double cross = total - left[t] - right[t];
      double divergence = 2 * cross / (m * n) - left[t] / pairs(m) - right[t] / pairs(n);
      double statistic = m * n / (m + n) * divergence;
      if (statistic > bestStatistic) {
        bestStatistic = statistic;
        bestIndex = t;
      }
    }
    best[0] = bestIndex;
    return bestStatistic;
  }

  /** {@code left[t]}: sum of |a - b| over pairs in {@code [0, t)}; {@code right[t]}: over {@code [t, length)}. */
  private void withinSums(double[] values, int[] ranks, int length) {
    clearTrees(length);
    left[0] = 0;
    double addedSum = 0;
    for (int t = 0; t < length; t++) {
      left[t + 1] = left[t] + distanceToAdded(values[t], ranks[t], t, addedSum);
      add(ranks[t], values[t], length);
      addedSum += values[t];
    }
    clearTrees(length);
    right[length] = 0;
    addedSum = 0;
    for (int t = length - 1; t >= 0; t--) {
      right[t] = right[t + 1] + distanceToAdded(values[t], ranks[t], length - 1 - t, addedSum);
      add(ranks[t], values[t], length);
      addedSum += values[t];
    }
  }

  /** Sum of |value - a| over the {@code addedCount} values a in the trees. */
  private double distanceToAdded(double value, int rank, int addedCount, double addedSum) {
    int countBelow = 0;
    double sumBelow = 0;
    for (int i = rank; i > 0; i -= i & -i) {
      countBelow += countTree[i];
      sumBelow += sumTree[i];
    }
    int countAbove = addedCount - countBelow;
    double sumAbove = addedSum - sumBelow;
    return (countBelow * value - sumBelow) + (sumAbove - countAbove * value);
  }

  private void add(int rank, double value, int length) {
    for (int i = rank + 1; i <= length; i += i & -i) {
      countTree[i]++;
      sumTree[i] += value;
    }
  }

  private void clearTrees(int length) {
    Arrays.fill(countTree, 0, length + 1, 0);
    Arrays.fill(sumTree, 0, length + 1, 0);
  }

  /** C(k, 2); a part of one value has no pairs, and its within term is 0, not 0/0. */
  private static double pairs(double k) {
    return k < 2 ? Double.POSITIVE_INFINITY : k * (k - 1) / 2;
  }
}
