package org.perfgate.cli;

/** perfgate's exit codes, documented in the README. k6's numbers where k6 has the same case. */
public enum ExitCode {
  /** The run completed and every threshold passed. */
  OK(0),
  /** An unexpected internal error (a bug): the message says so. */
  INTERNAL_ERROR(1),
  /** Unknown command, option or argument (picocli's usage error). */
  USAGE(2),
  /** The run completed but a threshold failed (k6: ThresholdsHaveFailed). */
  THRESHOLDS_FAILED(99),
  /** Bad input: plan file, flag value, data file (k6: InvalidConfig). */
  INVALID_INPUT(104),
  /**
   * The run was stopped early by an abortOnFail threshold. (Ctrl-C ends the JVM with the shell's
   * 130 after the summary is written: once a signal started the shutdown, the code is the JVM's.)
   */
  ABORTED(105),
  /** A comparison found a regression, or a budget was broken. */
  REGRESSION(110),
  /** A comparison could not tell: too few trials or too much noise for the tolerance. */
  INCONCLUSIVE(111);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
