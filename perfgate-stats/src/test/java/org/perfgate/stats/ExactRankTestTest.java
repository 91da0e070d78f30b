package org.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.perfgate.model.Verdict;

class ExactRankTestTest {
  @Test
  void givesTheExactTwoSidedPValueOfCompleteSeparationDespiteTiesWithinASide() {
    double[] base = {5.07, 5.07, 5.09, 5.11, 5.07};
    double[] head = {25.1, 25.1, 25.3, 25.2, 25.1};
    // only the observed split and its mirror are as extreme: 2 of C(10, 5) = 252
    assertThat(ExactRankTest.pValue(base, head)).isCloseTo(2.0 / 252, within(1e-12));
  }

  @Test
  void matchesTheUntiedExactPValueWhenNothingTies() {
    double[] base = {1, 2, 3, 4};
    double[] head = {5, 6, 7, 8};
    assertThat(ExactRankTest.pValue(base, head)).isCloseTo(2.0 / 70, within(1e-12));
  }

  @Test
  void givesMidRanksToTies() {
    assertThat(ExactRankTest.midRanks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
  }

  @Test
  void flagsAClearSlowdownAtFiveTrialsEvenWhenTrialValuesTie() {
    double[] base = {5.07, 5.07, 5.09, 5.11, 5.07};
    double[] head = {25.1, 25.1, 25.3, 25.2, 25.1};
    assertThat(TrialComparison.compare(base, head, CompareOptions.defaults()).verdict()).isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void neverFlagsInterleavedTiedSamples() {
    double[] base = {5.0, 5.1, 5.0, 5.2, 5.1};
    double[] head = {5.1, 5.0, 5.2, 5.0, 5.1};
    assertThat(ExactRankTest.pValue(base, head)).isGreaterThan(0.5);
    assertThat(TrialComparison.compare(base, head, CompareOptions.defaults()).verdict())
        .isNotIn(Verdict.REGRESSION, Verdict.IMPROVEMENT);
  }
}
