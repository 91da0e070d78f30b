package org.perfgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A named trial group that comparisons default to, e.g. {@code main} or {@code v1.4.0}.
 *
 * @param runId the run that was named (any trial of the group)
 * @param savedAt when the name was (last) given
 */
public record Baseline(String name, String trialGroup, String runId, Instant savedAt) {
  public Baseline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trialGroup, "trialGroup");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
