package org.perfgate.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.perfgate.model.Verdict;

/**
 * A stored link between the two sides of a comparison and the verdict it got, as {@code perfgate ab}
 * saves it: which trial groups were compared, for which plan, with which outcome. The statistics
 * are not stored; they follow from the two groups' runs ({@code perfgate compare} recomputes them).
 *
 * @param id {@code cmp-} then a run-id-like stamp of when it was saved
 * @param kind what made it, e.g. {@code ab}
 * @param base the baseline side
 * @param head the candidate side
 */
public record SavedComparison(String id, Instant created, String kind, String project, String planName, Side base,
    Side head, Verdict verdict) {
  public SavedComparison {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * One side: how reports named it, its trial group and commit.
   *
   * @param gitSha the commit the side was built from, when known
   */
  public record Side(String label, String trialGroup, Optional<String> gitSha) {
    public Side {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(trialGroup, "trialGroup");
      Objects.requireNonNull(gitSha, "gitSha");
    }
  }
}
