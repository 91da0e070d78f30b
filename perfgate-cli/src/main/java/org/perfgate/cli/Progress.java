package org.perfgate.cli;

import java.io.PrintWriter;
import org.perfgate.engine.LiveStatus;
import org.perfgate.engine.RunListener;
import org.perfgate.report.ProgressLine;
import org.perfgate.report.ProgressSnapshot;

/**
 * Live progress on standard error: one line redrawn in place each second on a terminal, one plain
 * line per second otherwise (CI logs), nothing when quiet.
 */
final class Progress implements RunListener {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private boolean drawn;

  Progress(PrintWriter err, boolean quiet, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  @Override
  public void onSecond(LiveStatus status) {
    if (quiet) {
      return;
    }
    String line = ProgressLine.format(new ProgressSnapshot(status.elapsed(), status.planned(), status.vus(),
        status.requestsPerSecond(), status.p95Millis(), status.errorRate()));
    synchronized (this) {
      if (terminal) {
        err.print("\r" + line + "\u001b[K");
        drawn = true;
      } else {
        err.println(line);
      }
      err.flush();
    }
  }

  /** Ends the redrawn line so the summary starts on a fresh one. */
  synchronized void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
