package org.perfgate.engine;

/**
 * Ends an iteration early (a variable it needs was never extracted, a rendered URL is invalid).
 * Stackless: it is control flow on the hot path, counted by reason, never shown as a trace.
 */
final class IterationAbort extends RuntimeException {
  IterationAbort(String reason) {
    super(reason, null, false, false);
  }
}
