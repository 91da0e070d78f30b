package org.perfgate.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Change points in a series (e.g. one metric's p95 per commit, oldest first) by E-divisive means,
 * the method of Apache Otava and MongoDB's performance CI (Matteson and James 2014, exponent 1).
 *
 * <p>Method: recursive bisection. A segment (at first the whole series) is split where the
 * divergence statistic {@code q} between its left and right parts is largest, leaving at least
 * {@code minSegment} values on each side; the split is significant when a permutation test gives
 * {@code p < alpha}: the segment's values are shuffled {@code permutations} times (seeded {@link
 * SplittableRandom}), and {@code p = (1 + #{permuted max q >= observed max q}) / (permutations + 1)}.
 * A significant split is kept and both parts are searched in turn; a segment stops at the first
 * split that is not significant. Constant segments never split. The statistic sums absolute
 * differences (not squares), so a single outlier moves it much less than a least-squares criterion.
 *
 * <p>Cost: {@code O((permutations + 1) L log L)} per tested segment of {@code L} values (see {@link
 * EnergyDivergence}); with {@code k} change points about {@code (2k + 1)} tests over segments
 * summing to at most {@code n} per level of the recursion. Tests that will fail stop shuffling as
 * soon as {@code p >= alpha} is certain. 200 values with the defaults take about a millisecond
 * (bench/change-points).
 *
 * <p>Thread-safe and pure: the result is a function of the series and the options.
 */
public final class ChangePoints {
  private ChangePoints() {}

  /**
   * The change points of {@code series}, by index.
   *
   * @param series the values in order, each finite; fewer than {@code 2 * minSegment} values have
   *     no change point (empty list)
   * @throws IllegalArgumentException (clear message) for a NaN or infinite value
   */
  public static List<ChangePoint> detect(double[] series, DetectOptions options) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(options, "options");
    for (int i = 0; i < series.length; i++) {
      if (!Double.isFinite(series[i])) {
        throw new IllegalArgumentException("series[" + i + "]: expected a finite number, got " + series[i]);
      }
    }
    int minSegment = options.minSegment();
    if (series.length < 2 * minSegment) {
      return List.of();
    }
    Search search = new Search(series, options);
    TreeMap<Integer, Double> accepted = new TreeMap<>();
    // Depth-first in a fixed order, so one SplittableRandom gives the same permutations every time.
    Deque<int[]> pending = new ArrayDeque<>();
    pending.push(new int[] {0, series.length});
    while (!pending.isEmpty()) {
      int[] segment = pending.pop();
      int start = segment[0];
      int end = segment[1];
      if (end - start < 2 * minSegment) {
        continue;
      }
      search.test(start, end).ifPresent(split -> {
        accepted.put(split.index(), split.pValue());
        pending.push(new int[] {split.index(), end});
        pending.push(new int[] {start, split.index()});
      });
    }
    return describe(series, accepted);
  }

  /** The change points with the means of the segments between neighbouring change points. */
  private static List<ChangePoint> describe(double[] series, TreeMap<Integer, Double> accepted) {
    List<Integer> bounds = new ArrayList<>();
    bounds.add(0);
    bounds.addAll(accepted.keySet());
    bounds.add(series.length);
    List<ChangePoint> points = new ArrayList<>(accepted.size());
    for (int i = 1; i < bounds.size() - 1; i++) {
      int index = bounds.get(i);
      double before = mean(series, bounds.get(i - 1), index);
      double after = mean(series, index, bounds.get(i + 1));
      double percent = before == 0 ? Double.NaN : (after - before) / Math.abs(before) * 100;
      points.add(new ChangePoint(index, before, after, percent, accepted.get(index)));
    }
    return List.copyOf(points);
  }

  private static double mean(double[] values, int start, int end) {
    double sum = 0;
    for (int i = start; i < end; i++) {
      sum += values[i];
    }
    return sum / (end - start);
  }

  private record Split(int index, double pValue) {}

  /** The state of one detection: the series, the random source and reusable buffers. */
  private static final class Search {
    private final double[] series;
    private final DetectOptions options;
    private final SplittableRandom random;
    private final EnergyDivergence divergence;
    private final double[] values;
    private final int[] ranks;
    private final double[] shuffledValues;
    private final int[] shuffledRanks;
    private final Integer[] order;
    private final int[] best = new int[1];

    Search(double[] series, DetectOptions options) {
      this.series = series;
      this.options = options;
      this.random = new SplittableRandom(options.seed());
      int n = series.length;
      divergence = new EnergyDivergence(n);
      values = new double[n];
      ranks = new int[n];
      shuffledValues = new double[n];
      shuffledRanks = new int[n];
      order = new Integer[n];
    }

    /** The best split of {@code [start, end)} when it is significant. */
    Optional<Split> test(int start, int end) {
      int length = end - start;
      System.arraycopy(series, start, values, 0, length);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < length; i++) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      if (min == max) {
        return Optional.empty(); // nothing to split; also spares rounding noise in q
      }
      rank(length);
      int minSegment = options.minSegment();
      double observed = divergence.bestSplit(values, ranks, length, minSegment, best);
      int index = start + best[0];
      int permutations = options.permutations();
      System.arraycopy(values, 0, shuffledValues, 0, length);
      System.arraycopy(ranks, 0, shuffledRanks, 0, length);
      int exceedances = 0;
      for (int p = 0; p < permutations; p++) {
        shuffle(length);
        if (divergence.bestSplit(shuffledValues, shuffledRanks, length, minSegment, best) >= observed) {
          exceedances++;
          if ((1.0 + exceedances) / (permutations + 1) >= options.alpha()) {
            return Optional.empty(); // p >= alpha whatever the remaining permutations show
          }
        }
      }
      return Optional.of(new Split(index, (1.0 + exceedances) / (permutations + 1)));
    }

    private void rank(int length) {
      for (int i = 0; i < length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, 0, length, (a, b) -> Double.compare(values[a], values[b]));
      for (int r = 0; r < length; r++) {
        ranks[order[r]] = r;
      }
    }

    /** Fisher-Yates, moving each value with its rank. */
    private void shuffle(int length) {
      for (int i = length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double value = shuffledValues[i];
        shuffledValues[i] = shuffledValues[j];
        shuffledValues[j] = value;
        int rank = shuffledRanks[i];
        shuffledRanks[i] = shuffledRanks[j];
        shuffledRanks[j] = rank;
      }
    }
  }
}
