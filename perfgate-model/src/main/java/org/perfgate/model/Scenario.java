package org.perfgate.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One k6 scenario: an executor that decides when iterations run, and the flow each iteration runs.
 *
 * @param startTime offset from the start of the run
 * @param gracefulStop how long running iterations may finish after the executor's end
 * @param env the scenario's own environment, readable as {@code {{__ENV.NAME}}} in templates; the
 *     engine falls back to the process environment for names not set here
 * @param tags added to every sample of the scenario (besides {@code scenario:<name>})
 */
public record Scenario(
    String name,
    ExecutorSpec executor,
    Duration startTime,
    Duration gracefulStop,
    Map<String, String> env,
    Map<String, String> tags,
    Flow flow) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(flow, "flow");
    Durations.requireNonNegative(startTime, "startTime");
    Durations.requireNonNegative(gracefulStop, "gracefulStop");
    env = Map.copyOf(env);
    tags = Map.copyOf(tags);
  }

  /** k6's default gracefulStop. */
  public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
}
