package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfgate.model.Stage;

class ArrivalScheduleTest {
  private static final long S = 1_000_000_000L;

  @Test
  void spacesConstantRateIterationsEvenlyFromZero() {
    ArrivalSchedule schedule = ArrivalSchedule.constant(100, Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(schedule.totalIterations()).isEqualTo(3000);
    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(1)).isEqualTo(10_000_000);
    assertThat(schedule.offsetNanos(2999)).isEqualTo(29_990_000_000L);
    assertThat(schedule.offsetNanos(3000)).isEqualTo(-1);
  }

  @Test
  void doesNotDriftOverLongRuns() {
    ArrivalSchedule schedule = ArrivalSchedule.constant(7, Duration.ofSeconds(1), Duration.ofHours(1));
    assertThat(schedule.offsetNanos(7 * 3599)).isEqualTo(3599 * S);
  }

  @Test
  void honoursTheTimeUnit() {
    ArrivalSchedule schedule = ArrivalSchedule.constant(30, Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(schedule.totalIterations()).isEqualTo(30);
    assertThat(schedule.offsetNanos(1)).isEqualTo(2 * S);
  }

  @Test
  void rampsTheRateLinearlyAsTheIntegralOfTheRate() {
    // 0 -> 10/s over 10 s: iterations(t) = t^2 / 2, so iteration i starts at sqrt(2 i)
    ArrivalSchedule schedule = ArrivalSchedule.ramping(0, Duration.ofSeconds(1),
        List.of(new Stage(Duration.ofSeconds(10), 10), new Stage(Duration.ofSeconds(10), 10)));
    assertThat(schedule.totalIterations()).isEqualTo(150);
    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(2)).isEqualTo(2 * S);
    assertThat(schedule.offsetNanos(8)).isEqualTo(4 * S);
    assertThat((double) schedule.offsetNanos(1)).isCloseTo(Math.sqrt(2) * S, within(1.0));
    assertThat(schedule.offsetNanos(50)).isEqualTo(10 * S);
    assertThat(schedule.offsetNanos(60)).isEqualTo(11 * S);
  }

  @Test
  void rampsDownToo() {
    // 10/s -> 0 over 10 s: 50 iterations, the last ones sparse
    ArrivalSchedule schedule = ArrivalSchedule.ramping(10, Duration.ofSeconds(1), List.of(new Stage(Duration.ofSeconds(10), 0)));
    assertThat(schedule.totalIterations()).isEqualTo(50);
    // iterations(t) = 10 t - t^2 / 2 = 32 at t = 4 s
    assertThat(schedule.offsetNanos(32)).isEqualTo(4 * S);
    assertThat(schedule.offsetNanos(50)).isEqualTo(-1);
  }

  @Test
  void skipsStagesWithZeroRate() {
    ArrivalSchedule schedule = ArrivalSchedule.ramping(0, Duration.ofSeconds(1),
        List.of(new Stage(Duration.ofSeconds(5), 0), new Stage(Duration.ofSeconds(5), 0),
            new Stage(Duration.ofSeconds(1), 0)));
    assertThat(schedule.totalIterations()).isZero();
    assertThat(schedule.offsetNanos(0)).isEqualTo(-1);
  }

  @Test
  void startsAnIterationForEveryWholeOrPartIterationOfTheIntegral() {
    // 0 -> 5/s over 3 s: the integral is 7.5, so iterations 0..7 start (the 8th at 7 = t^2 * 5/6)
    ArrivalSchedule schedule = ArrivalSchedule.ramping(0, Duration.ofSeconds(1), List.of(new Stage(Duration.ofSeconds(3), 5)));
    assertThat(schedule.totalIterations()).isEqualTo(8);
    assertThat((double) schedule.offsetNanos(7)).isCloseTo(Math.sqrt(7 * 6.0 / 5) * S, within(1.0));
    assertThat(schedule.offsetNanos(8)).isEqualTo(-1);
  }

  @Test
  void intendedStartsNeverGoBackwardsAcrossStages() {
    ArrivalSchedule schedule = ArrivalSchedule.ramping(50, Duration.ofSeconds(1), List.of(
        new Stage(Duration.ofSeconds(2), 1000), new Stage(Duration.ofSeconds(1), 1000), new Stage(Duration.ofSeconds(2), 10),
        new Stage(Duration.ofSeconds(1), 0), new Stage(Duration.ofSeconds(2), 300)));
    long previous = -1;
    for (long i = 0; i < schedule.totalIterations(); i++) {
      long offset = schedule.offsetNanos(i);
      assertThat(offset).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(8 * S);
      previous = offset;
    }
    // 1050 + 1000 + 1010 + 5 + 300 iterations in the five stages
    assertThat(schedule.totalIterations()).isEqualTo(3365);
  }
}
