package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private static final List<String> FIELDS = List.of("vus", "duration", "startTime", "preAllocatedVUs", "maxVUs");

  @Test
  void suggestsTheFieldAnObviousTypoAway() {
    assertThat(Errors.closest("vu", FIELDS)).contains("vus");
    assertThat(Errors.closest("duraton", FIELDS)).contains("duration");
    assertThat(Errors.closest("strattime", FIELDS)).contains("startTime");
    assertThat(Errors.closest("maxVus", FIELDS)).contains("maxVUs");
  }

  @Test
  void suggestsNothingWhenNoCandidateIsClose() {
    assertThat(Errors.closest("iterations", FIELDS)).isEmpty();
    assertThat(Errors.closest("x", List.of("a", "b"))).isEmpty();
  }

  @Test
  void listsEveryCandidateInOrder() {
    assertThat(Errors.unknown("field", "vu", FIELDS)).isEqualTo(
        "unknown field 'vu' (did you mean 'vus'?); expected one of vus, duration, startTime, preAllocatedVUs, maxVUs");
  }
}
