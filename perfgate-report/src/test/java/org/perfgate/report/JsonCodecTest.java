package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;

class JsonCodecTest {
  @TempDir Path directory;

  @Test
  void writesTheFullResult() {
    Path file = directory.resolve("result.json");

    Reports.writeJson(Fixtures.full(), file);

    Golden.assertMatches("result.json", Golden.read(file));
  }

  @Test
  void readsBackAnEqualResult() {
    for (RunResult run : List.of(Fixtures.full(), Fixtures.targetDown(), Fixtures.empty())) {
      Path file = directory.resolve(run.planName() + ".json");

      Reports.writeJson(run, file);

      assertThat(Reports.readJson(file)).isEqualTo(run);
    }
  }

  @Test
  void roundTripsNanosecondsAwkwardDoublesAndOddTags() {
    MetricKey odd = MetricKey.of("my metric", Map.of("url", "https://x/y?a=1,b=\"2\"", "name", "{ }: ü"));
    RunResult run = new RunResult("plan \"quoted\"", "C:\\plans\\p.yaml", Instant.parse("2024-05-01T12:00:00.123456789Z"),
        Duration.ofNanos(30_000_000_001L),
        List.of(
            new MetricResult(odd, MetricType.GAUGE, new MetricValues.Gauge(Double.NaN, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY)),
            new MetricResult(MetricKey.of("c"), MetricType.COUNTER, new MetricValues.Counter(0.1 + 0.2, -0.0)),
            new MetricResult(MetricKey.of("t"), MetricType.TREND, Fixtures.plainTrend(Long.MAX_VALUE, Double.MIN_VALUE,
                -Double.MAX_VALUE, 1e-300, Double.MAX_VALUE, 1.0 / 3, 2.0 / 3, 0.7, 1e21))),
        List.of(new SeriesPoint(Long.MAX_VALUE, odd, new MetricValues.Rate(Long.MAX_VALUE, 0))),
        List.of(), List.of(), Map.of("reason with \"quotes\"", Long.MAX_VALUE), Optional.of("stopped\nby user"));
    Path file = directory.resolve("odd.json");

    Reports.writeJson(run, file);

    assertThat(Reports.readJson(file)).isEqualTo(run);
  }

  @Test
  void encodesMetricKeysAsK6TextAndStructure() throws IOException {
    Path file = directory.resolve("result.json");

    Reports.writeJson(Fixtures.full(), file);

    assertThat(Files.readString(file)).contains(String.join("\n",
        "      \"key\": \"http_req_duration{name:login,status:200}\",",
        "      \"name\": \"http_req_duration\",",
        "      \"tags\": {",
        "        \"name\": \"login\",",
        "        \"status\": \"200\"",
        "      },",
        "      \"type\": \"trend\","));
  }

  @Test
  void namesThePathOfMalformedContent() throws IOException {
    Path file = directory.resolve("result.json");
    Reports.writeJson(Fixtures.full(), file);
    Files.writeString(file, Files.readString(file).replaceFirst("\"type\": \"trend\",(\\s+)\"stats\"",
        "\"type\": \"histogram\",$1\"stats\""));

    assertThatThrownBy(() -> Reports.readJson(file))
        .isInstanceOf(PerfgateException.class)
        .hasMessage("cannot read " + file + ": $.metrics[0].values.type: expected one of trend, counter, rate, gauge,"
            + " was histogram");
  }

  @Test
  void namesAMissingField() throws IOException {
    Path file = directory.resolve("result.json");
    Files.writeString(file, "{\"format\": \"perfgate-run/1\", \"planName\": \"p\"}");

    assertThatThrownBy(() -> Reports.readJson(file))
        .isInstanceOf(PerfgateException.class)
        .hasMessage("cannot read " + file + ": $.planSource: expected a string, was missing");
  }

  @Test
  void rejectsAnotherFormat() throws IOException {
    Path file = directory.resolve("k6.json");
    Files.writeString(file, "{\"metrics\": {}}");

    assertThatThrownBy(() -> Reports.readJson(file))
        .hasMessage("cannot read " + file + ": $.format: expected a string, was missing");
  }

  @Test
  void reportsTheRecordsOwnValidationWithThePath() throws IOException {
    Path file = directory.resolve("result.json");
    Reports.writeJson(Fixtures.full(), file);
    Files.writeString(file, Files.readString(file).replaceFirst("\"delayAbortEval\": \"PT0S\"",
        "\"delayAbortEval\": \"PT-1S\""));

    assertThatThrownBy(() -> Reports.readJson(file))
        .hasMessage("cannot read " + file + ": $.thresholds[0]: invalid: delayAbortEval must not be negative, was PT-1S");
  }

  @Test
  void namesLineAndColumnOfInvalidJson() throws IOException {
    Path file = directory.resolve("broken.json");
    Files.writeString(file, "{\n  \"format\": \"perfgate-run/1\",\n  oops\n}");

    assertThatThrownBy(() -> Reports.readJson(file))
        .isInstanceOf(PerfgateException.class)
        .hasMessageStartingWith("cannot read " + file + ":3:")
        .hasMessageContaining("Unexpected character ('o'");
  }
}
