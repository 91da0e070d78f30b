package org.perfgate.model;

import java.util.List;
import java.util.Objects;

/**
 * A checked, fully resolved load plan: environment variables substituted, durations parsed,
 * thresholds compiled. Scenarios keep the order of the file.
 *
 * @param name the plan's name (file name without extension unless the file sets {@code name})
 * @param source where it came from, for messages (a path or {@code <builtin:demo>})
 * @param scenarios at least one
 * @param thresholds every threshold expression, in file order
 * @param budgets the plan's own budgets ({@code perfgate.yaml} may add or replace some)
 * @param connectionReuse how long VUs keep their connections ({@code noConnectionReuse}, {@code
 *     noVUConnectionReuse})
 */
public record Plan(String name, String source, List<Scenario> scenarios, List<Threshold> thresholds,
    List<Budget> budgets, ConnectionReuse connectionReuse) {
  public Plan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(connectionReuse, "connectionReuse");
    scenarios = List.copyOf(scenarios);
    thresholds = List.copyOf(thresholds);
    budgets = List.copyOf(budgets);
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one scenario");
    }
  }

  /** A plan with keep-alive connections. */
  public Plan(String name, String source, List<Scenario> scenarios, List<Threshold> thresholds, List<Budget> budgets) {
    this(name, source, scenarios, thresholds, budgets, ConnectionReuse.ALWAYS);
  }

  /** A plan without budgets. */
  public Plan(String name, String source, List<Scenario> scenarios, List<Threshold> thresholds) {
    this(name, source, scenarios, thresholds, List.of());
  }
}
