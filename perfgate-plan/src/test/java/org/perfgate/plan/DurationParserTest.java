package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      0          | PT0S
      0s         | PT0S
      -0         | PT0S
      500ms      | PT0.5S
      30s        | PT30S
      1m30s      | PT1M30S
      2h         | PT2H
      1.5s       | PT1.5S
      .5s        | PT0.5S
      1.s        | PT1S
      1h2m3s4ms  | PT1H2M3.004S
      2d         | PT48H
      250us      | PT0.00025S
      250µs      | PT0.00025S
      7ns        | PT0.000000007S
      1.5ns      | PT0.000000001S
      -1m        | PT-1M
      +1m        | PT1M
      ` 10s `    | PT10S
      """)
  void parsesK6Durations(String text, String iso) {
    assertThat(DurationParser.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      30         | a plain number is not a duration; add a unit, e.g. 30s or 30ms
      1.5        | a plain number is not a duration; add a unit, e.g. 1.5s or 1.5ms
      ``         | it is empty; expected a number with a unit
      ten        | expected a number with a unit (ns, us, ms, s, m, h, d), e.g. 500ms, 30s, 1m30s, 2h
      10 s       | expected a number with a unit
      10sec      | expected a number with a unit
      s          | expected a number with a unit
      .s         | expected a number with a unit
      1m30       | expected a number with a unit
      1w         | expected a number with a unit
      --1s       | expected a number with a unit
      PT30S      | expected a number with a unit
      """)
  void rejectsWhatIsNotADurationSayingWhatWasExpected(String text, String reason) {
    assertThatThrownBy(() -> DurationParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid duration '" + text + "': " + reason);
  }

  @Test
  void rejectsDurationsBeyondALongOfNanoseconds() {
    assertThatThrownBy(() -> DurationParser.parse("300000d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid duration '300000d': it is too long; the limit is about 292 years");
  }
}
