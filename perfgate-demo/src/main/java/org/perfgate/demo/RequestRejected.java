package org.perfgate.demo;

/**
 * A request the service answers with an error status ({@code 400}, {@code 413}) and a JSON error
 * message, thrown from deep inside parsing and caught once in {@link DemoRouter}.
 *
 * <p>Stackless: bad input is an expected outcome when the service is a load target, so it must be
 * as cheap as returning a value.
 */
final class RequestRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  RequestRejected(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static RequestRejected badRequest(String message) {
    return new RequestRejected(400, message);
  }

  int status() {
    return status;
  }
}
