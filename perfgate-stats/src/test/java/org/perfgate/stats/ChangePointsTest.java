package org.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangePointsTest {
  private static final DetectOptions OPTIONS = DetectOptions.defaults();

  /** {@code levels[k]} for {@code lengths[k]} values each, times lognormal-ish noise of {@code cv}. */
  private static double[] steps(long seed, double cv, int[] lengths, double[] levels) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] series = new double[Arrays.stream(lengths).sum()];
    int next = 0;
    for (int k = 0; k < lengths.length; k++) {
      for (int i = 0; i < lengths[k]; i++) {
        series[next++] = levels[k] * (1 + cv * gaussian(random));
      }
    }
    return series;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Test
  void findsASingleStepAtTheFirstValueAfterIt() {
    double[] series = steps(1, 0.02, new int[] {30, 30}, new double[] {100, 110});

    List<ChangePoint> points = ChangePoints.detect(series, OPTIONS);

    assertThat(points).hasSize(1);
    ChangePoint point = points.getFirst();
    assertThat(point.index()).isEqualTo(30);
    assertThat(point.meanBefore()).isCloseTo(100, within(1.5));
    assertThat(point.meanAfter()).isCloseTo(110, within(1.5));
    assertThat(point.changePercent()).isCloseTo(10, within(2.0));
    assertThat(point.pValue()).isEqualTo(1.0 / 200);
  }

  @Test
  void findsNothingInPureNoise() {
    for (long seed = 1; seed <= 20; seed++) {
      double[] series = steps(seed, 0.05, new int[] {200}, new double[] {100});

      assertThat(ChangePoints.detect(series, OPTIONS)).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void findsTwoStepsWithTheMeansOfTheSegmentsBetweenThem() {
    double[] series = steps(3, 0.02, new int[] {40, 40, 40}, new double[] {100, 120, 90});

    List<ChangePoint> points = ChangePoints.detect(series, OPTIONS);

    assertThat(points).extracting(ChangePoint::index).containsExactly(40, 80);
    assertThat(points.get(0).meanAfter()).isEqualTo(points.get(1).meanBefore());
    assertThat(points.get(1).changePercent()).isCloseTo(-25, within(2.0));
  }

  @Test
  void isDeterministicForASeed() {
    double[] series = steps(4, 0.05, new int[] {50, 50}, new double[] {100, 105});

    assertThat(ChangePoints.detect(series, OPTIONS)).isEqualTo(ChangePoints.detect(series, OPTIONS));
  }

  @Test
  void leavesAtLeastMinSegmentValuesAfterTheLastChangePoint() {
    // The last 4 values double: a segment of 4 is too short for minSegment 5.
    double[] series = steps(5, 0.01, new int[] {40, 4}, new double[] {100, 200});

    assertThat(ChangePoints.detect(series, OPTIONS.withMinSegment(5)))
        .allSatisfy(point -> assertThat(point.index()).isBetween(5, series.length - 5));
    assertThat(ChangePoints.detect(series, OPTIONS.withMinSegment(3))).extracting(ChangePoint::index)
        .containsExactly(40);
  }

  @Test
  void findsNothingInAConstantSeries() {
    double[] series = new double[100];
    Arrays.fill(series, 0.1);

    assertThat(ChangePoints.detect(series, OPTIONS)).isEmpty();
  }

  @Test
  void findsNothingInFewerThanTwoMinimumSegments() {
    double[] series = {1, 1, 1, 1, 100, 100, 100, 100, 100};

    assertThat(ChangePoints.detect(series, OPTIONS.withMinSegment(5))).isEmpty();
    assertThat(ChangePoints.detect(new double[0], OPTIONS)).isEmpty();
  }

  @Test
  void rejectsNaNWithItsPosition() {
    double[] series = {1, 2, Double.NaN, 4};

    assertThatThrownBy(() -> ChangePoints.detect(series, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[2]: expected a finite number, got NaN");
  }

  @Test
  void rejectsOptionsThatCanNeverBeSignificant() {
    assertThatThrownBy(() -> OPTIONS.withPermutations(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permutations: expected at least 100 (the smallest p-value, 1/(permutations + 1), must be below"
            + " alpha 0.01), got 99");
    assertThatThrownBy(() -> OPTIONS.withMinSegment(1))
        .hasMessage("minSegment: expected at least 2 values, got 1");
  }
}
