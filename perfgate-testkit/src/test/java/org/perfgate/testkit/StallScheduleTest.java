package org.perfgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StallScheduleTest {
  private static final long MS = 1_000_000;
  // D = 10 ms, a 300 ms stall at the end of every 2 s: stalls are [1700, 2000), [3700, 4000), ...
  private final StallSchedule schedule = new StallSchedule(10 * MS, 300 * MS, 2000 * MS);

  @Test
  void answersAfterTheDelayOutsideStalls() {
    assertThat(schedule.completionNanos(0)).isEqualTo(10 * MS);
    assertThat(schedule.completionNanos(1000 * MS)).isEqualTo(1010 * MS);
    assertThat(schedule.completionNanos(1690 * MS)).isEqualTo(1700 * MS);
    assertThat(schedule.completionNanos(2000 * MS)).isEqualTo(2010 * MS);
  }

  @Test
  void requestsArrivingInAStallWaitForItsEndThenTakeTheDelay() {
    assertThat(schedule.stalled(1700 * MS)).isTrue();
    assertThat(schedule.stalled(1999 * MS)).isTrue();
    assertThat(schedule.completionNanos(1700 * MS)).isEqualTo(2010 * MS);
    assertThat(schedule.completionNanos(1900 * MS)).isEqualTo(2010 * MS);
    assertThat(schedule.completionNanos(3800 * MS)).isEqualTo(4010 * MS);
  }

  @Test
  void workInFlightWhenAStallStartsIsFrozenForTheWholeStall() {
    // arrived 4 ms before the stall: 4 ms of work, 300 ms frozen, the other 6 ms
    assertThat(schedule.completionNanos(1696 * MS)).isEqualTo(1696 * MS + 10 * MS + 300 * MS);
  }

  @Test
  void neverStallsWithoutAStall() {
    StallSchedule fixed = StallSchedule.fixed(MS);
    assertThat(fixed.stalled(123_456 * MS)).isFalse();
    assertThat(fixed.completionNanos(123_456 * MS)).isEqualTo(123_457 * MS);
  }

  @Test
  void rejectsAStallAsLongAsItsPeriod() {
    assertThatThrownBy(() -> new StallSchedule(MS, 2000 * MS, 2000 * MS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be longer than the stall");
    assertThatThrownBy(() -> new StallSchedule(-1, 0, 1)).hasMessageContaining("delay must be >= 0");
  }
}
