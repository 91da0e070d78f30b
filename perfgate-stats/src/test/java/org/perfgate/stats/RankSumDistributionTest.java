package org.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankSumDistributionTest {
  /** Published two-tailed critical values of U (reject when U <= value); -1 where tables print "-". */
  @ParameterizedTest(name = "n={0} m={1} alpha={2} -> {3}")
  @CsvSource({
      "3, 3, 0.05, -1", "5, 5, 0.05, 2", "5, 10, 0.05, 8", "8, 8, 0.05, 13", "10, 10, 0.05, 23",
      "20, 20, 0.05, 127", "4, 4, 0.01, -1", "5, 5, 0.01, 0", "4, 6, 0.01, 0", "10, 10, 0.01, 16",
      "20, 20, 0.01, 105"})
  void matchesPublishedCriticalValues(int n, int m, double alpha, long expected) {
    assertThat(RankSumDistribution.exactLowerCriticalValue(n, m, alpha)).isEqualTo(expected);
    assertThat(RankSumDistribution.exactLowerCriticalValue(m, n, alpha)).isEqualTo(expected);
  }

  @Test
  void agreesWithTheLibrarysExactTestOnWhatIsSignificant() {
    SplittableRandom random = new SplittableRandom(7);
    MannWhitneyUTest test = MannWhitneyUTest.withDefaults();
    for (int round = 0; round < 300; round++) {
      int n = 3 + random.nextInt(12);
      int m = 3 + random.nextInt(12);
      double[] x = new double[n];
      double[] y = new double[m];
      double shift = random.nextDouble(0, 3);
      for (int i = 0; i < n; i++) {
        x[i] = random.nextGaussian() + shift;
      }
      for (int j = 0; j < m; j++) {
        y[j] = random.nextGaussian();
      }
      MannWhitneyUTest.Result result = test.test(x, y);
      double u = Math.min(result.getStatistic(), (double) n * m - result.getStatistic());
      long critical = RankSumDistribution.exactLowerCriticalValue(n, m, 0.01);

      assertThat(u <= critical).as("n=%d m=%d U=%s p=%s", n, m, u, result.getPValue())
          .isEqualTo(result.getPValue() < 0.01);
    }
  }

  @Test
  void normalApproximationIsCloseToExactForLargeSamples() {
    long exact = RankSumDistribution.exactLowerCriticalValue(40, 40, 0.01);
    long approximate = RankSumDistribution.asymptoticLowerCriticalValue(40, 40, 0.01, 0);

    assertThat(exact).isEqualTo(533);
    assertThat(approximate).isBetween(exact - 3, exact + 3);
  }

  @Test
  void usesExactValuesWhileTheTiedTestIsExactAndTheNormalApproximationBeyond() {
    assertThat(RankSumDistribution.lowerCriticalValue(10, 10, 0.01, 0)).isEqualTo(16);
    assertThat(RankSumDistribution.lowerCriticalValue(10, 10, 0.01, 6)).isEqualTo(16);
    assertThat(RankSumDistribution.lowerCriticalValue(12, 12, 0.01, 6))
        .isEqualTo(RankSumDistribution.asymptoticLowerCriticalValue(12, 12, 0.01, 6));
    assertThat(RankSumDistribution.lowerCriticalValue(60, 60, 0.01, 0))
        .isEqualTo(RankSumDistribution.asymptoticLowerCriticalValue(60, 60, 0.01, 0));
  }
}
