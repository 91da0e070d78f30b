package org.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

class TrialComparisonTest {
  private static final CompareOptions DEFAULTS = CompareOptions.defaults();
  /** Ten trials with about 1 % noise around 100. */
  private static final double[] BASE = {99.1, 100.4, 98.7, 101.2, 100.0, 99.6, 100.9, 99.3, 100.6, 98.9};

  private static double[] scaled(double[] values, double factor) {
    double[] scaledValues = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      scaledValues[i] = values[i] * factor;
    }
    return scaledValues;
  }

  private static double[] reversed(double[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[values.length - 1 - i];
    }
    return result;
  }

  @Test
  void reportsRegressionForClearSlowdown() {
    TrialStatistics statistics = TrialComparison.compare(BASE, scaled(reversed(BASE), 1.10), DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(statistics.changePercent()).isCloseTo(10.0, within(1e-9));
    assertThat(statistics.ciLowPercent()).isGreaterThan(0).isLessThan(10);
    assertThat(statistics.ciHighPercent()).isGreaterThan(10);
    // complete separation of 10 and 10 trials: exact two-sided p = 2 / C(20, 10)
    assertThat(statistics.pValue()).isCloseTo(2.0 / 184_756, within(1e-12));
    assertThat(statistics.confidence()).isEqualTo(0.99);
    assertThat(statistics.baseTrials()).isEqualTo(10);
    assertThat(statistics.headTrials()).isEqualTo(10);
    assertThat(statistics.baseMedian()).isCloseTo(99.8, within(1e-9));
    assertThat(statistics.headMedian()).isCloseTo(99.8 * 1.10, within(1e-9));
  }

  @Test
  void reportsImprovementForClearSpeedup() {
    TrialStatistics statistics = TrialComparison.compare(BASE, scaled(BASE, 0.9), DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(statistics.changePercent()).isCloseTo(-10.0, within(1e-9));
  }

  @Test
  void higherIsBetterFlipsTheDirection() {
    CompareOptions throughput = DEFAULTS.withHigherIsBetter(true);

    assertThat(TrialComparison.compare(BASE, scaled(BASE, 1.10), throughput).verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(TrialComparison.compare(BASE, scaled(BASE, 0.90), throughput).verdict()).isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void neverFlagsIdenticalSamples() {
    TrialStatistics statistics = TrialComparison.compare(BASE, BASE.clone(), DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(statistics.changePercent()).isZero();
    assertThat(statistics.pValue()).isEqualTo(1.0);
    assertThat(statistics.ciLowPercent()).isNegative();
    assertThat(statistics.ciHighPercent()).isPositive();
  }

  @Test
  void constantTrialsOnBothSidesAreNoChangeWithZeroMde() {
    double[] constant = {42, 42, 42, 42, 42};
    TrialStatistics statistics = TrialComparison.compare(constant, constant.clone(), DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(statistics.pValue()).isEqualTo(1.0);
    assertThat(statistics.mdePercent()).isZero();
  }

  @Test
  void toleranceGatesPracticalSize() {
    double[] head = scaled(reversed(BASE), 1.025);

    assertThat(TrialComparison.compare(BASE, head, DEFAULTS).verdict()).isEqualTo(Verdict.REGRESSION);
    TrialStatistics tolerated = TrialComparison.compare(BASE, head, DEFAULTS.withTolerancePercent(3));
    assertThat(tolerated.pValue()).isLessThan(0.01);
    assertThat(tolerated.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(tolerated.tolerancePercent()).isEqualTo(3);
  }

  @Test
  void inconclusiveForTwoNoisyTrials() {
    TrialStatistics statistics = TrialComparison.compare(new double[] {100, 130}, new double[] {160, 190}, DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(statistics.pValue()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(statistics.mdePercent()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(statistics.ciLowPercent()).isEqualTo(-100);
    assertThat(statistics.ciHighPercent()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void inconclusiveWhenTheNoiseHidesChangesOfTheTolerancesSize() {
    double[] base = {100, 112, 91, 105, 96};
    double[] head = {103, 95, 118, 99, 108};
    TrialStatistics statistics = TrialComparison.compare(base, head, DEFAULTS.withTolerancePercent(2));

    assertThat(statistics.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(statistics.mdePercent()).isGreaterThan(CompareOptions.NO_CHANGE_FLOOR_PERCENT);
  }

  @Test
  void fiveTrialsPerSideAreTheFewestThatCanShowARegressionAtTheDefaultAlpha() {
    TrialStatistics five = TrialComparison.compare(new double[] {100, 101, 99, 100.5, 99.5},
        new double[] {110, 111, 109, 110.5, 109.5}, DEFAULTS);
    TrialStatistics four = TrialComparison.compare(new double[] {100, 101, 99, 100.5},
        new double[] {110, 111, 109, 110.5}, DEFAULTS);

    assertThat(five.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(five.pValue()).isCloseTo(2.0 / 252, within(1e-12));
    assertThat(four.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(four.pValue()).isCloseTo(2.0 / 70, within(1e-12));
  }

  @Test
  void tiedValuesGetAnExactPValueAndStillShowAClearRegression() {
    double[] base = {100, 101, 100, 102, 99, 101};
    double[] head = {110, 111, 110, 109, 112, 110};
    TrialStatistics statistics = TrialComparison.compare(base, head, DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.REGRESSION);
    // complete separation: exactly 2 of the C(12, 6) = 924 splits are as extreme, ties or not
    // (scipy's normal approximation with tie correction would say 0.004624)
    assertThat(statistics.pValue()).isCloseTo(2.0 / 924, within(1e-12));
    assertThat(statistics.changePercent()).isCloseTo(9.950, within(1e-3));
  }

  @Test
  void moreTrialsLowerTheMinimumDetectableEffect() {
    double[] few = {99.1, 100.4, 98.7, 101.2, 100.0};
    double fewMde = TrialComparison.compare(few, reversed(few), DEFAULTS).mdePercent();
    double manyMde = TrialComparison.compare(BASE, reversed(BASE), DEFAULTS).mdePercent();

    assertThat(manyMde).isPositive().isLessThan(fewMde);
  }

  @Test
  void anOutlierDoesNotHideAClearRegression() {
    double[] base = BASE.clone();
    base[3] = 250;
    TrialStatistics statistics = TrialComparison.compare(base, scaled(reversed(BASE), 1.08), DEFAULTS);

    assertThat(statistics.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(statistics.changePercent()).isBetween(6.0, 10.0);
  }

  @Test
  void rejectsTooFewTrials() {
    assertThatThrownBy(() -> TrialComparison.compare(new double[] {1}, new double[] {1, 2}, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base: needs at least 2 trials, got 1");
  }

  @Test
  void rejectsValuesThatHaveNoLogarithm() {
    assertThatThrownBy(() -> TrialComparison.compare(new double[] {1, 2}, new double[] {1, 0}, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("head[1]: expected a finite number > 0 (changes are compared as ratios, on logarithms), got 0.0");
    assertThatThrownBy(() -> TrialComparison.compare(new double[] {Double.NaN, 2}, new double[] {1, 2}, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("base[0]: expected a finite number > 0");
    assertThatThrownBy(() -> TrialComparison.compare(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY},
        DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("head[1]: expected a finite number > 0");
  }

  @Test
  void optionsHaveDocumentedDefaultsAndRejectNonsense() {
    assertThat(DEFAULTS).isEqualTo(new CompareOptions(0, false, 0.01, 1));
    assertThat(DEFAULTS.withAlpha(0.05).withSeed(3).withTolerancePercent(2).withHigherIsBetter(true))
        .isEqualTo(new CompareOptions(2, true, 0.05, 3));
    assertThatThrownBy(() -> DEFAULTS.withTolerancePercent(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerancePercent: expected a finite number >= 0, got -1.0");
    assertThatThrownBy(() -> DEFAULTS.withAlpha(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha: expected a number between 0 and 0.5 (exclusive), got 0.5");
  }
}
