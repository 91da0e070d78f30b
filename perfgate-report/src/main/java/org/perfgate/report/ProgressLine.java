package org.perfgate.report;

import java.time.Duration;
import org.perfgate.model.Durations;

/**
 * The live progress line a run prints once a second, e.g.
 * {@code running [ 12s/30s ] vus=10 reqs/s=1523 p95=12.3ms errors=0.00%}. Stateless and
 * thread-safe; the caller decides where it goes (a terminal line rewritten in place, or a log).
 */
public final class ProgressLine {
  private ProgressLine() {}

  /**
   * One line without a line end. Times are whole seconds in k6's short form ({@code 1m30s}); the
   * total is left out when it is zero (not known); requests per second are whole numbers from 100 up
   * and have one decimal below; p95 is in the most readable unit; errors are a percentage truncated
   * to two decimals.
   */
  public static String format(ProgressSnapshot snapshot) {
    StringBuilder line = new StringBuilder("running [ ").append(seconds(snapshot.elapsed()));
    if (!snapshot.total().isZero()) {
      line.append('/').append(seconds(snapshot.total()));
    }
    return line.append(" ] vus=").append(snapshot.vus())
        .append(" reqs/s=").append(requestsPerSecond(snapshot.requestsPerSecond()))
        .append(" p95=").append(Units.duration(snapshot.p95Millis()))
        .append(" errors=").append(Units.percent(snapshot.errorRate()))
        .toString();
  }

  private static String seconds(Duration duration) {
    return Durations.format(Duration.ofSeconds(duration.toSeconds()));
  }

  private static String requestsPerSecond(double value) {
    if (value >= 100) {
      return Long.toString(Math.round(value));
    }
    return Units.plain(Math.round(value * 10) / 10.0);
  }
}
