package org.perfgate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;
import org.perfgate.stats.QualityBenchmark.Noise;

/** The benchmark's cells: each a seeded simulation of many comparisons under one scenario. */
final class Cells {
  private static final double LEVEL = 100;

  /** A/A comparisons: both sides from the same distribution. */
  record AaCell(Noise noise, double cv, int n, int repetitions, int falsePositives, int noChange,
      double medianMdePercent) {}

  /** Comparisons with the candidate {@code effect} slower (0.05 = 5 %). */
  record PowerCell(Noise noise, double cv, int n, double effect, int repetitions, int detected, int idealDetected) {}

  private Cells() {}

  static AaCell aa(Noise noise, double cv, int n, int repetitions, CompareOptions options) {
    SplittableRandom random = new SplittableRandom(seed(noise, cv, n, 0, 1));
    int falsePositives = 0;
    int noChange = 0;
    double[] mdes = new double[repetitions];
    double[] base = new double[n];
    double[] head = new double[n];
    for (int r = 0; r < repetitions; r++) {
      fill(base, noise, cv, 0, random, null);
      fill(head, noise, cv, 0, random, null);
      TrialStatistics statistics = TrialComparison.compare(base, head, options);
      falsePositives += QualityBenchmark.isFalsePositive(statistics) ? 1 : 0;
      noChange += statistics.verdict() == Verdict.NO_CHANGE ? 1 : 0;
      mdes[r] = statistics.mdePercent();
    }
    Arrays.sort(mdes);
    return new AaCell(noise, cv, n, repetitions, falsePositives, noChange, mdes[repetitions / 2]);
  }

  /**
   * Regression rate at a true slowdown of {@code effect}. The ideal t-test sees normal data built
   * from the same standard normal draws (common random numbers), so the power ratio is precise.
   */
  static PowerCell power(Noise noise, double cv, int n, double effect, int repetitions, CompareOptions options) {
    SplittableRandom random = new SplittableRandom(seed(noise, cv, n, effect, 2));
    int detected = 0;
    int idealDetected = 0;
    double[] base = new double[n];
    double[] head = new double[n];
    double[] idealBase = new double[n];
    double[] idealHead = new double[n];
    for (int r = 0; r < repetitions; r++) {
      fill(base, noise, cv, 0, random, idealBase);
      fill(head, noise, cv, effect, random, idealHead);
      detected += TrialComparison.compare(base, head, options).verdict() == Verdict.REGRESSION ? 1 : 0;
      idealDetected += QualityBenchmark.idealDetects(idealBase, idealHead, options) ? 1 : 0;
    }
    return new PowerCell(noise, cv, n, effect, repetitions, detected, idealDetected);
  }

  /** Trials at level {@code 100 * (1 + effect)}; {@code ideal}, if given, gets clean normal twins. */
  private static void fill(double[] trials, Noise noise, double cv, double effect, SplittableRandom random,
      double[] ideal) {
    double level = LEVEL * (1 + effect);
    for (int i = 0; i < trials.length; i++) {
      double z = random.nextGaussian();
      trials[i] = level * noise.factor(cv, z, random);
      if (ideal != null) {
        ideal[i] = level * (1 + cv * z);
      }
    }
  }

  private static long seed(Noise noise, double cv, int n, double effect, int purpose) {
    return ((noise.ordinal() * 1_000L + Math.round(cv * 1000)) * 100 + n) * 100_000
        + Math.round(effect * 10_000) * 10 + purpose;
  }
}
