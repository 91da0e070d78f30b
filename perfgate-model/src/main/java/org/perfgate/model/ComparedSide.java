package org.perfgate.model;

import java.util.List;
import java.util.Objects;

/**
 * One side of a {@link Comparison}: the stored trials that were compared.
 *
 * @param label how reports name this side, e.g. {@code baseline main} or {@code run r1a2b3}
 * @param trialGroup the trial group of the runs
 * @param runIds the ids of the compared runs, one per trial, in trial order; never empty
 * @param metadata the metadata of the first trial (plan, commit, environment)
 */
public record ComparedSide(String label, String trialGroup, List<String> runIds, RunMetadata metadata) {
  public ComparedSide {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(trialGroup, "trialGroup");
    runIds = List.copyOf(runIds);
    Objects.requireNonNull(metadata, "metadata");
    if (runIds.isEmpty()) {
      throw new IllegalArgumentException("runIds must not be empty: a side has at least one trial");
    }
  }
}
