package org.perfgate.model;

/** Root of every exception perfgate throws on purpose; the CLI maps subtypes to exit codes. */
public class PerfgateException extends RuntimeException {
  public PerfgateException(String message) {
    super(message);
  }

  public PerfgateException(String message, Throwable cause) {
    super(message, cause);
  }
}
