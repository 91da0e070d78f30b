package org.perfgate.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored run's value of one metric statistic, from {@link RunStore#metricHistory}.
 *
 * @param time when the run started
 * @param value the statistic in the metric's display unit (ms for times, per second for rates)
 */
public record MetricPoint(
    String runId, String trialGroup, int trial, Instant time, Optional<String> gitSha, Optional<String> branch,
    double value) {
  public MetricPoint {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trialGroup, "trialGroup");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(gitSha, "gitSha");
    Objects.requireNonNull(branch, "branch");
  }
}
