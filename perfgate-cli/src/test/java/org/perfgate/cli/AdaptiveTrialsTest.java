package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

class AdaptiveTrialsTest {
  @Test
  void addsAPairWhileAStatisticIsInconclusiveAndTheMaximumIsNotReached() {
    List<Comparison> comparisons = List.of(comparison(Verdict.NO_CHANGE, Verdict.INCONCLUSIVE));

    assertThat(AdaptiveTrials.addPair(comparisons, 5, 7)).isTrue();
    assertThat(AdaptiveTrials.addPair(comparisons, 6, 7)).isTrue();
  }

  @Test
  void stopsAtTheMaximumEvenIfStillInconclusive() {
    List<Comparison> comparisons = List.of(comparison(Verdict.INCONCLUSIVE));

    assertThat(AdaptiveTrials.addPair(comparisons, 7, 7)).isFalse();
    assertThat(AdaptiveTrials.addPair(comparisons, 5, 5)).isFalse();
  }

  @Test
  void stopsOnceEveryStatisticIsDecidedWhateverTheVerdicts() {
    List<Comparison> comparisons = List.of(comparison(Verdict.NO_CHANGE, Verdict.REGRESSION),
        comparison(Verdict.IMPROVEMENT));

    assertThat(AdaptiveTrials.addPair(comparisons, 5, 20)).isFalse();
  }

  @Test
  void countsInconclusiveStatisticsOverEveryPlan() {
    List<Comparison> comparisons = List.of(comparison(Verdict.INCONCLUSIVE, Verdict.NO_CHANGE),
        comparison(Verdict.INCONCLUSIVE));

    assertThat(AdaptiveTrials.addPair(comparisons, 5, 6)).isTrue();
    assertThat(AdaptiveTrials.line(comparisons, 6)).isEqualTo("adaptive: 6 trials per side, 2 statistics still inconclusive");
    assertThat(AdaptiveTrials.line(List.of(comparison(Verdict.INCONCLUSIVE)), 7))
        .isEqualTo("adaptive: 7 trials per side, 1 statistic still inconclusive");
    assertThat(AdaptiveTrials.line(List.of(comparison(Verdict.NO_CHANGE)), 8))
        .isEqualTo("adaptive: 8 trials per side, every statistic decided");
  }

  private static Comparison comparison(Verdict... verdicts) {
    List<MetricComparison> metrics = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      metrics.add(new MetricComparison(MetricKey.of("m" + metrics.size()), "med", "ms",
          new TrialStatistics(5, 5, 100, 100, 0, -1, 1, 0.99, 0.5, 2, 5, false, verdict)));
    }
    return new Comparison("p", side(), side(), metrics, List.of(), List.of());
  }

  private static ComparedSide side() {
    return new ComparedSide("run r1", "g1", List.of("r1"),
        new RunMetadata("project", "p", "hash", Optional.empty(), Optional.empty(), Optional.empty(),
            Instant.EPOCH, new EnvironmentFingerprint("cpu", 1, "os", "jdk", "0.1.0", Map.of()), "g1", 1));
  }
}
