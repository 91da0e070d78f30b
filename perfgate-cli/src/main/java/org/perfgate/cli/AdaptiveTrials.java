package org.perfgate.cli;

import java.util.List;
import org.perfgate.model.Comparison;
import org.perfgate.model.Verdict;

/**
 * The stopping rule of {@code perfgate ab --max-trials}: add a pair of trials while any statistic
 * of any plan is inconclusive and fewer than the maximum trials per side have run. Pure and
 * stateless; budgets do not count, since more trials do not make a broken budget less certain.
 */
final class AdaptiveTrials {
  private AdaptiveTrials() {}

  /** Whether to run one more pair, given the comparisons of all trials so far. */
  static boolean addPair(List<Comparison> comparisons, int trialsPerSide, int maxTrialsPerSide) {
    return trialsPerSide < maxTrialsPerSide && inconclusive(comparisons) > 0;
  }

  /** Inconclusive statistics over all plans. */
  static int inconclusive(List<Comparison> comparisons) {
    int count = 0;
    for (Comparison comparison : comparisons) {
      count += comparison.count(Verdict.INCONCLUSIVE);
    }
    return count;
  }

  /** The progress line after an added pair: {@code adaptive: 6 trials per side, 2 statistics still inconclusive}. */
  static String line(List<Comparison> comparisons, int trialsPerSide) {
    int inconclusive = inconclusive(comparisons);
    return "adaptive: " + trialsPerSide + " trials per side, " + switch (inconclusive) {
      case 0 -> "every statistic decided";
      case 1 -> "1 statistic still inconclusive";
      default -> inconclusive + " statistics still inconclusive";
    };
  }
}
