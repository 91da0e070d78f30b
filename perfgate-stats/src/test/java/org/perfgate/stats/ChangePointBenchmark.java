package org.perfgate.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The quality benchmark of {@link ChangePoints} (bench/change-points/run.sh): seeded synthetic
 * series of {@value #LENGTH} values with 0 to 3 steps of 5-20 % (either direction) under lognormal
 * noise of 5 % CV, printed as {@code figure: value unit} lines and one PASS/FAIL line per bar. A
 * detection within {@value #TOLERANCE} values of a true step counts (one detection per step). Not a
 * test. Argument {@code --series N} changes the number of series (default {@value #SERIES}).
 */
final class ChangePointBenchmark {
  static final int SERIES = 500;
  static final int LENGTH = 200;
  static final int MAX_STEPS = 3;
  static final double MIN_STEP = 0.05;
  static final double MAX_STEP = 0.20;
  static final double CV = 0.05;
  /** The fewest values between two steps and between a step and either end. */
  static final int MIN_GAP = 20;
  static final int TOLERANCE = 3;
  static final double BAR = 0.9;

  private ChangePointBenchmark() {}

  public static void main(String[] args) {
    int seriesCount = SERIES;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--series")) {
        seriesCount = Integer.parseInt(args[i + 1]);
      }
    }
    DetectOptions options = DetectOptions.defaults();
    SplittableRandom random = new SplittableRandom(20261124);
    double sigma = Math.sqrt(Math.log(1 + CV * CV));
    int trueSteps = 0;
    int detections = 0;
    int matchedDetections = 0;
    int noStepSeries = 0;
    int noStepDetections = 0;
    int largestMissSeries = 0;
    long nanos = 0;
    // Warm up the JIT so the time per series is the steady state a CI job sees after its first few.
    for (int i = 0; i < 50; i++) {
      ChangePoints.detect(series(new SplittableRandom(i), sigma, new int[0], new double[0]), options);
    }
    for (int s = 0; s < seriesCount; s++) {
      int stepCount = random.nextInt(MAX_STEPS + 1);
      int[] positions = positions(random, stepCount);
      double[] sizes = new double[stepCount];
      for (int k = 0; k < stepCount; k++) {
        double size = MIN_STEP + (MAX_STEP - MIN_STEP) * random.nextDouble();
        sizes[k] = random.nextBoolean() ? size : -size;
      }
      double[] series = series(random, sigma, positions, sizes);
      long start = System.nanoTime();
      List<ChangePoint> found = ChangePoints.detect(series, options);
      nanos += System.nanoTime() - start;
      int matched = match(positions, found);
      trueSteps += stepCount;
      detections += found.size();
      matchedDetections += matched;
      if (stepCount == 0) {
        noStepSeries++;
        noStepDetections += found.size();
      }
      largestMissSeries = Math.max(largestMissSeries, stepCount - matched);
    }
    double precision = detections == 0 ? 1 : (double) matchedDetections / detections;
    double recall = trueSteps == 0 ? 1 : (double) matchedDetections / trueSteps;
    print("series", seriesCount, "", "%.0f");
    print("values per series", LENGTH, "", "%.0f");
    print("true steps", trueSteps, "", "%.0f");
    print("detections", detections, "", "%.0f");
    print("precision", precision * 100, "%", "%.1f");
    print("recall", recall * 100, "%", "%.1f");
    print("false detections per no-step series", noStepSeries == 0 ? 0 : (double) noStepDetections / noStepSeries,
        "", "%.3f");
    print("time per series", nanos / 1e6 / seriesCount, "ms", "%.2f");
    System.out.println(bar("precision", precision));
    System.out.println(bar("recall", recall));
  }

  /** Step positions: sorted, at least {@link #MIN_GAP} apart and from both ends. */
  static int[] positions(SplittableRandom random, int count) {
    while (true) {
      int[] positions = new int[count];
      for (int k = 0; k < count; k++) {
        positions[k] = MIN_GAP + random.nextInt(LENGTH - 2 * MIN_GAP + 1);
      }
      Arrays.sort(positions);
      boolean spaced = true;
      for (int k = 1; k < count; k++) {
        spaced &= positions[k] - positions[k - 1] >= MIN_GAP;
      }
      if (spaced) {
        return positions;
      }
    }
  }

  /** Level 100, multiplied by {@code 1 + sizes[k]} from {@code positions[k]} on, times lognormal noise. */
  static double[] series(SplittableRandom random, double sigma, int[] positions, double[] sizes) {
    double[] series = new double[LENGTH];
    double level = 100;
    int next = 0;
    for (int i = 0; i < LENGTH; i++) {
      if (next < positions.length && positions[next] == i) {
        level *= 1 + sizes[next++];
      }
      double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
      series[i] = level * Math.exp(sigma * z - sigma * sigma / 2);
    }
    return series;
  }

  /** Detections within {@link #TOLERANCE} of a true step, each step matched at most once (nearest first). */
  static int match(int[] positions, List<ChangePoint> found) {
    boolean[] used = new boolean[found.size()];
    int matched = 0;
    for (int position : positions) {
      int bestIndex = -1;
      int bestDistance = Integer.MAX_VALUE;
      for (int d = 0; d < found.size(); d++) {
        int distance = Math.abs(found.get(d).index() - position);
        if (!used[d] && distance <= TOLERANCE && distance < bestDistance) {
          bestIndex = d;
          bestDistance = distance;
        }
      }
      if (bestIndex >= 0) {
        used[bestIndex] = true;
        matched++;
      }
    }
    return matched;
  }

  private static void print(String figure, double value, String unit, String format) {
    System.out.println(figure + ": " + String.format(Locale.ROOT, format, value) + (unit.isEmpty() ? "" : " " + unit));
  }

  private static String bar(String figure, double value) {
    return String.format(Locale.ROOT, "%s >= %.0f%%: %s (%.1f %%)", figure, BAR * 100, value >= BAR ? "PASS" : "FAIL",
        value * 100);
  }
}
