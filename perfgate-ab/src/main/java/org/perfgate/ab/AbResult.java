package org.perfgate.ab;

import java.util.List;
import java.util.Objects;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.RunResult;

/**
 * Both sides' trials of every plan, stored and ready for {@code RunComparator.compare}.
 *
 * @param base the resolved baseline revision
 * @param head the resolved candidate revision
 * @param plans one entry per plan, in the order of {@code ab.plans}
 */
public record AbResult(Revision base, Revision head, List<PlanTrials> plans) {
  public AbResult {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    plans = List.copyOf(plans);
  }

  /** One plan's trials on both sides. */
  public record PlanTrials(String planName, SideTrials base, SideTrials head) {
    public PlanTrials {
      Objects.requireNonNull(planName, "planName");
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(head, "head");
    }
  }

  /**
   * One side's successful trials of a plan.
   *
   * @param side the stored runs, as a comparison names them
   * @param results the runs' results, in trial order
   * @param sutMetrics the system under test's cost in each of those trials, same order
   * @param failedTrials why other trials failed (a crash, no readiness), one sentence each
   */
  public record SideTrials(ComparedSide side, List<RunResult> results, List<SutMetrics> sutMetrics,
      List<String> failedTrials) {
    public SideTrials {
      Objects.requireNonNull(side, "side");
      results = List.copyOf(results);
      sutMetrics = List.copyOf(sutMetrics);
      failedTrials = List.copyOf(failedTrials);
    }
  }
}
