package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void countsVagueReasonsByTheirDetail() {
    Failures failures = new Failures();
    failures.counter("i/o error", "Too many open files").increment();
    failures.counter("i/o error", "Too many open files").increment();
    failures.counter("i/o error", "Broken pipe").increment();

    assertThat(failures.snapshot())
        .containsEntry("i/o error: Too many open files", 2L)
        .containsEntry("i/o error: Broken pipe", 1L)
        .hasSize(2);
  }

  @Test
  void replacesUrlsInDetailsBecauseTheyMayCarryCredentialsOrTokens() {
    Failures failures = new Failures();
    failures.counter("protocol error", "unsupported URL scheme in ftp://user:secret@host/x?token=abc").increment();

    assertThat(failures.snapshot()).containsOnlyKeys("protocol error: unsupported URL scheme in <url>");
  }

  @Test
  void keepsAtMostTenDetailsPerReasonAndCountsTheRestTogether() {
    Failures failures = new Failures();
    for (int i = 0; i < 15; i++) {
      failures.counter("i/o error", "detail " + i).increment();
    }
    failures.counter("i/o error", "detail 3").increment(); // a known one stays itself

    assertThat(failures.snapshot())
        .hasSize(Failures.MAX_DETAILS + 1)
        .containsEntry("i/o error: detail 3", 2L)
        .containsEntry("i/o error: other details", 5L);
  }
}
