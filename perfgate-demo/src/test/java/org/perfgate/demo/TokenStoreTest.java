package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenStoreTest {
  private final AtomicLong nowMillis = new AtomicLong(0);
  private final TokenStore tokens =
      new TokenStore(
          () -> Instant.ofEpochMilli(nowMillis.get()),
          Duration.ofMillis(100),
          Duration.ofMillis(50));

  @Test
  void tokenIsValidThenExpiredThenUnknownOnceSwept() {
    String token = tokens.issue("alice").token();
    assertThat(tokens.validity(token)).isEqualTo(TokenStore.Validity.VALID);

    nowMillis.set(100);
    assertThat(tokens.validity(token)).isEqualTo(TokenStore.Validity.EXPIRED);

    nowMillis.set(150);
    tokens.issue("bob");
    assertThat(tokens.validity(token)).isEqualTo(TokenStore.Validity.UNKNOWN);
  }

  @Test
  void sweepingKeepsMemoryBoundedOnLongRuns() {
    for (int second = 0; second < 100; second++) {
      for (int i = 0; i < 100; i++) {
        tokens.issue("user");
      }
      nowMillis.addAndGet(1_000);
    }
    tokens.issue("last");

    assertThat(tokens.size()).isEqualTo(1);
  }

  @Test
  void sweepingKeepsTokensStillWithinTheirRefreshWindow() {
    String refreshable = tokens.issue("alice").token();
    nowMillis.set(149);
    tokens.issue("bob");

    assertThat(tokens.refresh(refreshable)).isPresent();
  }

  @Test
  void refreshIssuesANewTokenAndRevokesTheOld() {
    String token = tokens.issue("alice").token();

    var refreshed = tokens.refresh(token);

    assertThat(refreshed).isPresent();
    assertThat(tokens.validity(refreshed.get().token())).isEqualTo(TokenStore.Validity.VALID);
    assertThat(tokens.validity(token)).isEqualTo(TokenStore.Validity.UNKNOWN);
    assertThat(tokens.refresh(token)).isEmpty();
  }

  @Test
  void refreshFailsAtTheEndOfTheGracePeriod() {
    String token = tokens.issue("alice").token();
    nowMillis.set(150);

    assertThat(tokens.refresh(token)).isEmpty();
  }
}
