package org.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class ShiftEstimateTest {
  /**
   * Hollander and Wolfe (1973, p. 69), the example of R's {@code wilcox.test}: permeability of the
   * human chorioamnion at term (x) and at 12 to 26 weeks (y). Published: W = 35, difference in
   * location 0.305; the 95 % interval lies between the 9th and the 42nd of the 50 differences
   * (critical U = 8 for 10 and 5 values).
   */
  private static final double[] AT_TERM = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  private static final double[] EARLY = {1.15, 0.88, 0.90, 0.74, 1.21};

  @Test
  void estimatesTheTextbookShiftAndInterval() {
    ShiftEstimate shift = ShiftEstimate.of(EARLY, AT_TERM, 0.05);

    assertThat(shift.estimate()).isCloseTo(0.305, within(1e-12));
    assertThat(shift.low()).isCloseTo(-0.15, within(1e-12));
    assertThat(shift.high()).isCloseTo(0.76, within(1e-12));
  }

  @Test
  void agreesWithTheLibrarysTestAtTheIntervalEnds() {
    MannWhitneyUTest test = MannWhitneyUTest.withDefaults();
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 50; round++) {
      double[] base = gaussians(random, 8, 0);
      double[] head = gaussians(random, 9, random.nextDouble(-2, 2));
      ShiftEstimate shift = ShiftEstimate.of(base, head, 0.01);
      double step = 1e-9;
      // Shifts inside the interval are not rejected; just outside they are.
      assertThat(test.withMu(shift.low() + step).test(head, base).getPValue()).isGreaterThanOrEqualTo(0.01);
      assertThat(test.withMu(shift.high() - step).test(head, base).getPValue()).isGreaterThanOrEqualTo(0.01);
      assertThat(test.withMu(shift.low() - step).test(head, base).getPValue()).isLessThan(0.01);
      assertThat(test.withMu(shift.high() + step).test(head, base).getPValue()).isLessThan(0.01);
    }
  }

  @Test
  void averagesTheTwoMiddleDifferencesOfAnEvenCount() {
    ShiftEstimate shift = ShiftEstimate.of(new double[] {1, 2}, new double[] {4, 6}, 0.01);

    assertThat(shift.estimate()).isEqualTo(3.5);
  }

  @Test
  void intervalIsUnboundedWhenTheTrialsCannotReachSignificance() {
    ShiftEstimate shift = ShiftEstimate.of(new double[] {1, 2}, new double[] {5, 6}, 0.01);

    assertThat(shift.low()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(shift.high()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(shift.minimumDetectableShift(0.01)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void minimumDetectableShiftIsTheScaledHalfWidth() {
    ShiftEstimate shift = new ShiftEstimate(0.0, -0.1, 0.1);
    double normalTheory = 1 + 0.8416212335729143 / 2.5758293035489004;

    assertThat(shift.minimumDetectableShift(0.01))
        .isCloseTo(ShiftEstimate.MDE_MARGIN * normalTheory * 0.1, within(1e-12));
  }

  @Test
  void countsTiesInThePooledSample() {
    assertThat(ShiftEstimate.tieSum(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isZero();
    // one pair (t = 2 -> 6) and one triple (t = 3 -> 24)
    assertThat(ShiftEstimate.tieSum(new double[] {1, 2, 2}, new double[] {5, 5, 5})).isEqualTo(30);
  }

  private static double[] gaussians(SplittableRandom random, int count, double mean) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = mean + random.nextGaussian();
    }
    return values;
  }
}
