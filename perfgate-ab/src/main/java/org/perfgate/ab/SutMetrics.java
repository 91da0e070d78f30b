package org.perfgate.ab;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one trial's system under test cost, measured from {@code /proc} over its whole process tree
 * (the start command's shell and everything it started). The resource figures are empty where
 * {@code /proc} does not exist (not Linux). The same figures, and per-second CPU and memory, are
 * stored with each trial's runs as {@code sut_*} metrics.
 *
 * @param timeToReady from process start to the readiness probe's first success
 * @param firstRequest the first request after readiness, connecting included; empty when there was
 *     nothing to ask (see {@code ab.firstRequest})
 * @param rssAtReadyBytes resident memory when it became ready
 * @param peakRssBytes the highest resident memory seen (sampled every 100 ms) until stopped
 * @param cpu CPU time (user + system) used from start until it was stopped
 */
public record SutMetrics(Duration timeToReady, Optional<Duration> firstRequest, OptionalLong rssAtReadyBytes,
    OptionalLong peakRssBytes, Optional<Duration> cpu) {
  public SutMetrics {
    Objects.requireNonNull(timeToReady, "timeToReady");
    Objects.requireNonNull(firstRequest, "firstRequest");
    Objects.requireNonNull(rssAtReadyBytes, "rssAtReadyBytes");
    Objects.requireNonNull(peakRssBytes, "peakRssBytes");
    Objects.requireNonNull(cpu, "cpu");
  }
}
