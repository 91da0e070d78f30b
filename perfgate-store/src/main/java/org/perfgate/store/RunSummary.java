package org.perfgate.store;

import java.util.Objects;
import java.util.Optional;
import org.perfgate.model.RunMetadata;

/**
 * One line of history, read without decoding the stored result.
 *
 * @param requests the run's {@code http_reqs} count, 0 when it made no HTTP requests
 * @param p95Millis the run's {@code http_req_duration} p(95) in milliseconds, {@code NaN} when it
 *     made no HTTP requests
 */
public record RunSummary(
    String id,
    RunMetadata metadata,
    boolean thresholdsPassed,
    Optional<String> abortReason,
    double requests,
    double p95Millis) {
  public RunSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(abortReason, "abortReason");
  }
}
