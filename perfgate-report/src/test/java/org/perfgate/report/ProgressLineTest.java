package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void showsElapsedOfTotalVusRequestsP95AndErrors() {
    ProgressSnapshot snapshot = new ProgressSnapshot(Duration.ofMillis(12_900), Duration.ofSeconds(30), 10, 1523.4,
        12.3, 0);

    assertThat(ProgressLine.format(snapshot)).isEqualTo("running [ 12s/30s ] vus=10 reqs/s=1523 p95=12.3ms errors=0.00%");
  }

  @Test
  void leavesOutAnUnknownTotal() {
    ProgressSnapshot snapshot = new ProgressSnapshot(Duration.ofSeconds(95), Duration.ZERO, 3, 12.34, 0.523, 0.08076);

    assertThat(ProgressLine.format(snapshot)).isEqualTo("running [ 1m35s ] vus=3 reqs/s=12.3 p95=523µs errors=8.07%");
  }

  @Test
  void showsAnIdleStart() {
    ProgressSnapshot snapshot = new ProgressSnapshot(Duration.ZERO, Duration.ofMinutes(5), 0, 0, 0, 0);

    assertThat(ProgressLine.format(snapshot)).isEqualTo("running [ 0s/5m ] vus=0 reqs/s=0 p95=0s errors=0.00%");
  }

  @Test
  void rejectsImpossibleValues() {
    assertThatThrownBy(() -> new ProgressSnapshot(Duration.ofSeconds(-1), Duration.ZERO, 0, 0, 0, 0))
        .hasMessageContaining("elapsed");
    assertThatThrownBy(() -> new ProgressSnapshot(Duration.ZERO, Duration.ZERO, -1, 0, 0, 0))
        .hasMessageContaining("vus");
    assertThatThrownBy(() -> new ProgressSnapshot(Duration.ZERO, Duration.ZERO, 0, Double.NaN, 0, 0))
        .hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> new ProgressSnapshot(Duration.ZERO, Duration.ZERO, 0, 0, -1, 0))
        .hasMessageContaining("p95Millis");
    assertThatThrownBy(() -> new ProgressSnapshot(Duration.ZERO, Duration.ZERO, 0, 0, 0, 1.5))
        .hasMessageContaining("errorRate");
  }
}
