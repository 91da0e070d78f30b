package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfgate.model.Stage;

class RampingVusScheduleTest {
  private static final long S = 1_000_000_000L;

  private final RampingVusSchedule schedule = new RampingVusSchedule(0, List.of(
      new Stage(Duration.ofSeconds(10), 10), new Stage(Duration.ofSeconds(10), 10), new Stage(Duration.ofSeconds(5), 0)));

  @Test
  void rampsLinearlyBetweenStageTargets() {
    assertThat(schedule.targetAt(0)).isZero();
    assertThat(schedule.targetAt(S)).isEqualTo(1);
    assertThat(schedule.targetAt(5 * S)).isEqualTo(5);
    assertThat(schedule.targetAt(5 * S - 1)).isEqualTo(4);
    assertThat(schedule.targetAt(15 * S)).isEqualTo(10);
    assertThat(schedule.targetAt(22 * S + S / 2)).isEqualTo(5);
    assertThat(schedule.targetAt(25 * S)).isZero();
  }

  @Test
  void findsTheExactTimeAVuIsFirstNeeded() {
    assertThat(schedule.nextTimeAtLeast(3, 0)).isEqualTo(3 * S);
    assertThat(schedule.nextTimeAtLeast(10, 0)).isEqualTo(10 * S);
    assertThat(schedule.nextTimeAtLeast(3, 12 * S)).isEqualTo(12 * S);
  }

  @Test
  void saysNeverWhenTheTargetIsNotReachedAgain() {
    assertThat(schedule.nextTimeAtLeast(11, 0)).isEqualTo(-1);
    assertThat(schedule.nextTimeAtLeast(6, 23 * S)).isEqualTo(-1);
  }

  @Test
  void startsFromStartVus() {
    RampingVusSchedule fromFive = new RampingVusSchedule(5, List.of(new Stage(Duration.ofSeconds(5), 0)));
    assertThat(fromFive.targetAt(0)).isEqualTo(5);
    assertThat(fromFive.targetAt(S)).isEqualTo(4);
  }

  @Test
  void findsTheHighestTargetInAWindowIncludingStageBoundaries() {
    assertThat(schedule.maxTargetBetween(5 * S, 8 * S)).isEqualTo(8);
    assertThat(schedule.maxTargetBetween(18 * S, 23 * S)).isEqualTo(10);
    assertThat(schedule.maxTargetBetween(23 * S, 25 * S)).isEqualTo(4);
  }
}
