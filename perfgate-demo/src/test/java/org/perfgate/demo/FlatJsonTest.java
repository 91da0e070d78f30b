package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {
  @Test
  void parsesAFlatObjectOfStrings() {
    assertThat(FlatJson.parseObject(" {\n\t\"user\" : \"alice\" , \"password\":\"secret\" } "))
        .isEqualTo(Map.of("user", "alice", "password", "secret"));
  }

  @Test
  void parsesAnEmptyObject() {
    assertThat(FlatJson.parseObject("{ }")).isEmpty();
  }

  @Test
  void decodesEveryEscape() {
    assertThat(FlatJson.parseObject("{\"k\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\\u20AC\"}"))
        .containsEntry("k", "\" \\ / \b \f \n \r \t é€");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[]",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":\"b\",}",
        "{\"a\":\"b\" \"c\":\"d\"}",
        "{\"a\":1}",
        "{\"a\":true}",
        "{\"a\":null}",
        "{\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}",
        "{a:\"b\"}",
        "{'a':'b'}",
        "{\"a\":\"b\",\"a\":\"c\"}",
        "{\"a\":\"b\"}{}",
        "{\"a\":\"line\nbreak\"}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"\\u12g4\"}",
        "{\"a\":\"unterminated}"
      })
  void rejectsAnythingButAFlatObjectOfStrings(String text) {
    assertThatThrownBy(() -> FlatJson.parseObject(text))
        .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("invalid JSON body at offset ");
  }

  @Test
  void errorsSayWhereAndWhatWasExpected() {
    assertThatThrownBy(() -> FlatJson.parseObject("{\"a\":1}"))
        .hasMessage(
            "invalid JSON body at offset 5: expected a string value (only flat objects of strings"
                + " are accepted), found \"1\"");
  }

  @Test
  void quotesStringsSoTheyParseBack() {
    String nasty = "quote \" backslash \\ newline \n tab \t nul \0 bell \u0007 é";

    assertThat(FlatJson.quote(nasty)).doesNotContain("\n", "\t", "\0", "\u0007");
    assertThat(FlatJson.parseObject("{\"k\":" + FlatJson.quote(nasty) + "}"))
        .containsEntry("k", nasty);
  }
}
