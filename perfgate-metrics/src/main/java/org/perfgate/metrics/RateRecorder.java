package org.perfgate.metrics;

/**
 * Records one sample of a rate series ({@code http_req_failed}, {@code checks}); thread-safe,
 * lock-free.
 *
 * <p>k6 semantics: a non-zero sample is a "pass" of the rate, so for {@code http_req_failed} a failed
 * request is recorded as {@code add(true)} and the rate is the fraction of failed requests.
 */
public interface RateRecorder {
  /** Records one sample: {@code true} for a non-zero value (a pass), {@code false} for zero. */
  void add(boolean nonZero);
}
