package org.perfgate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.RunResult;
import org.perfgate.store.Baseline;
import org.perfgate.store.RunStore;
import org.perfgate.store.StoredRun;

/**
 * Finds the trials of each side of a comparison: a run id (its whole trial group), a saved
 * baseline name, {@code branch:NAME}, {@code tag:NAME} or {@code latest} (the newest other group
 * of the same plan).
 */
final class Sides {
  /** The stored trials of one side. */
  record Trials(ComparedSide side, List<RunResult> results) {}

  private Sides() {}

  static Trials run(RunStore store, String runId) {
    StoredRun run = find(store, runId);
    return group(store, run.metadata().trialGroup(), "run " + run.id());
  }

  /** The run with this id or unique prefix, or a clear error. */
  static StoredRun find(RunStore store, String runId) {
    return store.find(runId).orElseThrow(() -> new InvalidInputException(
        "unknown run '" + runId + "' in " + store.describe() + "; 'perfgate history' lists the runs"));
  }

  static Trials baseline(RunStore store, String reference, Trials head) {
    String plan = head.side().metadata().planName();
    Optional<String> exclude = Optional.of(head.side().trialGroup());
    if (reference.equals("latest")) {
      return group(store, store.latestGroup(plan, Optional.empty(), Optional.empty(), exclude).orElseThrow(
          () -> new InvalidInputException("--baseline latest: no other run of plan '" + plan + "' in " + store.describe())),
          "latest");
    }
    if (reference.startsWith("branch:") || reference.startsWith("tag:")) {
      boolean branch = reference.startsWith("branch:");
      String name = reference.substring(reference.indexOf(':') + 1);
      Optional<String> group = store.latestGroup(plan, branch ? Optional.of(name) : Optional.empty(),
          branch ? Optional.empty() : Optional.of(name), exclude);
      return group(store, group.orElseThrow(() -> new InvalidInputException("--baseline " + reference + ": no run of plan '"
          + plan + "' on " + (branch ? "branch " : "tag ") + name + " in " + store.describe())), reference);
    }
    Optional<Baseline> saved = store.baseline(reference);
    if (saved.isPresent()) {
      return group(store, saved.get().trialGroup(), "baseline " + reference);
    }
    Optional<StoredRun> run = findRun(store, reference);
    if (run.isPresent()) {
      return group(store, run.get().metadata().trialGroup(), "run " + run.get().id());
    }
    List<String> names = new ArrayList<>();
    for (Baseline baseline : store.baselines()) {
      names.add(baseline.name());
    }
    throw new InvalidInputException("unknown baseline '" + reference + "': not a saved baseline " + names
        + ", a run id, branch:NAME, tag:NAME or latest");
  }

  private static Optional<StoredRun> findRun(RunStore store, String reference) {
    return reference.length() >= 4 ? store.find(reference) : Optional.empty();
  }

  private static Trials group(RunStore store, String trialGroup, String label) {
    List<StoredRun> runs = store.trialGroup(trialGroup);
    if (runs.isEmpty()) {
      throw new InvalidInputException("trial group " + trialGroup + " has no stored runs");
    }
    List<String> ids = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    for (StoredRun run : runs) {
      ids.add(run.id());
      results.add(run.result());
    }
    return new Trials(new ComparedSide(label, trialGroup, ids, runs.get(0).metadata()), results);
  }
}
