package org.perfgate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.perfgate.model.Budget;
import org.perfgate.model.InvalidInputException;

/**
 * The project's {@code perfgate.yaml}: where history goes, labels of this environment, budgets,
 * and profiles (an environment or data size such as {@code large}) whose budgets replace the
 * defaults' on the same metric and aggregation.
 *
 * @param source the file, for messages
 * @param project the project name, when set
 * @param store the history store location (a path or {@code postgresql://...}), when set
 * @param labels environment labels, part of each run's fingerprint
 * @param budgets the default budgets
 * @param profiles budgets per profile name
 * @param ab how {@code perfgate ab} builds, starts and measures a revision, when the file has an
 *     {@code ab:} section
 */
public record PerfgateConfig(
    String source,
    Optional<String> project,
    Optional<String> store,
    Map<String, String> labels,
    List<Budget> budgets,
    Map<String, List<Budget>> profiles,
    Optional<AbConfig> ab) {
  public PerfgateConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(store, "store");
    labels = Map.copyOf(labels);
    budgets = List.copyOf(budgets);
    profiles = Map.copyOf(profiles);
    Objects.requireNonNull(ab, "ab");
  }

  /** No file: defaults everywhere. */
  public static PerfgateConfig empty() {
    return new PerfgateConfig("<defaults>", Optional.empty(), Optional.empty(), Map.of(), List.of(), Map.of(),
        Optional.empty());
  }

  /**
   * The budgets in force: the plan's, then this file's, then the profile's; a later layer replaces
   * an earlier budget on the same metric, kind and aggregation.
   *
   * @throws InvalidInputException when the profile is not defined
   */
  public List<Budget> budgets(List<Budget> planBudgets, Optional<String> profile) {
    List<Budget> merged = new ArrayList<>(planBudgets);
    overlay(merged, budgets);
    if (profile.isPresent()) {
      List<Budget> profileBudgets = profiles.get(profile.get());
      if (profileBudgets == null) {
        throw new InvalidInputException("--profile '" + profile.get() + "': not defined in " + source
            + "; expected one of " + new java.util.TreeSet<>(profiles.keySet()));
      }
      overlay(merged, profileBudgets);
    }
    return List.copyOf(merged);
  }

  private static void overlay(List<Budget> merged, List<Budget> layer) {
    for (Budget budget : layer) {
      merged.removeIf(budget::sameTarget);
      merged.add(budget);
    }
  }
}
