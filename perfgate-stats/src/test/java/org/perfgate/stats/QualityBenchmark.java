package org.perfgate.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.statistics.inference.TTest;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * The quality benchmark of {@link TrialComparison} (bench/stats-quality/run.sh): seeded synthetic
 * trials, printed as {@code figure: value unit} lines and one PASS/FAIL line per quality bar. Not a
 * test: it takes about a minute. Argument {@code --quick} divides the repetitions by 10.
 */
final class QualityBenchmark {
  static final double[] CVS = {0.02, 0.05, 0.10};
  static final int[] TRIALS = {5, 10, 20};
  static final double[] EFFECTS = {0.02, 0.05, 0.10};
  static final CompareOptions OPTIONS = CompareOptions.defaults();
  /** Below this ideal power a cell measures the tests' false-positive floors, not their power. */
  static final double MEANINGFUL_IDEAL_POWER = 0.05;

  private final int aaRepetitions;
  private final int powerRepetitions;
  private final int otherRepetitions;

  private QualityBenchmark(int divisor) {
    aaRepetitions = 50_000 / divisor;
    powerRepetitions = 50_000 / divisor;
    otherRepetitions = 10_000 / divisor;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    new QualityBenchmark(quick ? 10 : 1).run();
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<Cells.AaCell>> aa = new ArrayList<>();
      List<Future<Cells.PowerCell>> power = new ArrayList<>();
      for (Noise noise : Noise.values()) {
        for (double cv : CVS) {
          for (int n : TRIALS) {
            aa.add(pool.submit(() -> Cells.aa(noise, cv, n, aaRepetitions, OPTIONS)));
            for (double effect : EFFECTS) {
              int repetitions = noise == Noise.LOGNORMAL ? powerRepetitions : otherRepetitions;
              power.add(pool.submit(() -> Cells.power(noise, cv, n, effect, repetitions, OPTIONS)));
            }
          }
        }
      }
      List<Future<Cells.PowerCell>> honesty = new ArrayList<>();
      List<Cells.AaCell> aaCells = new ArrayList<>();
      for (Future<Cells.AaCell> future : aa) {
        Cells.AaCell cell = future.get();
        aaCells.add(cell);
        double effect = cell.medianMdePercent() / 100;
        honesty.add(pool.submit(
            () -> Cells.power(cell.noise(), cell.cv(), cell.n(), effect, otherRepetitions, OPTIONS)));
      }
      List<Cells.PowerCell> powerCells = new ArrayList<>();
      for (Future<Cells.PowerCell> future : power) {
        powerCells.add(future.get());
      }
      List<Cells.PowerCell> honestyCells = new ArrayList<>();
      for (Future<Cells.PowerCell> future : honesty) {
        honestyCells.add(future.get());
      }
      new Report(aaCells, powerCells, honestyCells).print();
    } finally {
      pool.shutdown();
    }
    System.out.printf(Locale.ROOT, "benchmark wall time: %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** How trial values scatter around the true level. */
  enum Noise {
    /** Lognormal with the given CV. */
    LOGNORMAL,
    /** Lognormal, and 5 % of trials are outliers: 1.5 to 3 times slower. */
    OUTLIERS,
    /** Lognormal, and a trial lands in a 10 % slower mode with probability 0.2. */
    BIMODAL;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** One trial's multiplier of the true level, from a standard normal draw {@code z}. */
    double factor(double cv, double z, SplittableRandom random) {
      double sigma = Math.sqrt(Math.log1p(cv * cv));
      double factor = Math.exp(sigma * z);
      return switch (this) {
        case LOGNORMAL -> factor;
        case OUTLIERS -> random.nextDouble() < 0.05 ? factor * random.nextDouble(1.5, 3.0) : factor;
        case BIMODAL -> random.nextDouble() < 0.2 ? factor * 1.10 : factor;
      };
    }
  }

  /** Power of the ideal: Welch's t-test at the same alpha, on normal data with the same CV. */
  static boolean idealDetects(double[] base, double[] head, CompareOptions options) {
    double p = TTest.withDefaults().test(head, base).getPValue();
    double change = (mean(head) / mean(base) - 1) * 100;
    return p < options.alpha() && change > options.tolerancePercent();
  }

  static boolean isFalsePositive(TrialStatistics statistics) {
    return statistics.verdict() == Verdict.REGRESSION || statistics.verdict() == Verdict.IMPROVEMENT;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
