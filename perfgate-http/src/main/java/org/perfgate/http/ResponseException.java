package org.perfgate.http;

import java.io.IOException;
import org.perfgate.engine.spi.FailureReason;

/**
 * A request outcome found by the client itself (bad response, server closed early, deadline
 * passed), thrown inside a connection's read loop and turned into a failure value at the one catch
 * site. Stackless: it only crosses a few frames of our own code.
 */
final class ResponseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final FailureReason reason;

  ResponseException(FailureReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  /** Stackless: the outcome is in the reason and detail, and this is thrown per failed request. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  FailureReason reason() {
    return reason;
  }
}
