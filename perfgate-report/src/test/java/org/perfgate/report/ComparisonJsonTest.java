package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

class ComparisonJsonTest {
  @TempDir Path directory;

  @Test
  void writesTheWholeComparison() {
    Path file = directory.resolve("comparison.json");

    Reports.writeComparisonJson(ComparisonFixtures.full(), file);

    Golden.assertMatches("comparison.json", Golden.read(file));
  }

  @Test
  void readsBackAnEqualComparison() {
    for (Comparison comparison : List.of(ComparisonFixtures.full(), ComparisonFixtures.empty())) {
      Path file = directory.resolve("comparison.json");

      Reports.writeComparisonJson(comparison, file);

      assertThat(Reports.readComparisonJson(file)).isEqualTo(comparison);
    }
  }

  @Test
  void roundTripsNaNInfinitiesNegativeZeroAndOddText() {
    MetricKey odd = MetricKey.of("my \"metric\"", Map.of("url", "https://x/y?a=1,b=<2>&c", "name", "{ }: ü\n"));
    TrialStatistics statistics = new TrialStatistics(1, 2, Double.NaN, Double.POSITIVE_INFINITY, -0.0,
        Double.NEGATIVE_INFINITY, 1e-300, Double.MIN_VALUE, 0.1 + 0.2, Double.MAX_VALUE, 1.0 / 3, true,
        Verdict.INCONCLUSIVE);
    ComparedSide side = new ComparedSide("ab \"side\"\t", "", List.of("r\u0000"),
        new RunMetadata("p", "q", "", Optional.empty(), Optional.empty(), Optional.of("tag\\"),
            Instant.parse("2024-05-01T12:00:00.123456789Z"),
            new EnvironmentFingerprint("", 0, "", "", "", Map.of("b", "2", "a", "1")), "g", 3));
    Comparison comparison = new Comparison("plan\n\"x\"", side, ComparisonFixtures.head(),
        List.of(new MetricComparison(odd, "p(99.9)", "µs", statistics)),
        List.of(new BudgetResult(odd, "avg < 1", false, Double.NaN, -0.0, false)),
        List.of("", "warning with \"quotes\" and\nlines"));
    Path file = directory.resolve("odd.json");

    Reports.writeComparisonJson(comparison, file);

    assertThat(Reports.readComparisonJson(file)).isEqualTo(comparison);
  }

  @Test
  void writesTheOverallVerdictForJq() throws IOException {
    Path file = directory.resolve("comparison.json");

    Reports.writeComparisonJson(ComparisonFixtures.full(), file);

    assertThat(Files.readString(file)).contains("  \"overall\": \"regression\",");
  }

  @Test
  void rejectsAnotherFormatNamingTheField() throws IOException {
    Path file = directory.resolve("run.json");
    Reports.writeJson(Fixtures.full(), file);

    assertThatThrownBy(() -> Reports.readComparisonJson(file)).isInstanceOf(PerfgateException.class)
        .hasMessage("cannot read " + file + ": $.format: expected \"perfgate-comparison/1\", was \"perfgate-run/1\"");
  }

  @Test
  void rejectsAnUnknownVerdictWithItsPath() throws IOException {
    Path file = directory.resolve("comparison.json");
    Reports.writeComparisonJson(ComparisonFixtures.full(), file);
    Files.writeString(file, Files.readString(file).replaceFirst("\"verdict\": \"improvement\"",
        "\"verdict\": \"better\""));

    assertThatThrownBy(() -> Reports.readComparisonJson(file)).isInstanceOf(PerfgateException.class)
        .hasMessage("cannot read " + file + ": $.metrics[1].statistics.verdict: expected a valid verdict, was \"better\"");
  }

  @Test
  void rejectsASideWithoutRuns() throws IOException {
    Path file = directory.resolve("comparison.json");
    Reports.writeComparisonJson(ComparisonFixtures.full(), file);
    String json = Files.readString(file);
    int runIds = json.indexOf("\"runIds\": [");
    Files.writeString(file, json.substring(0, runIds) + "\"runIds\": []" + json.substring(json.indexOf(']', runIds) + 1));

    assertThatThrownBy(() -> Reports.readComparisonJson(file)).isInstanceOf(PerfgateException.class)
        .hasMessageContaining("$.base: invalid: runIds must not be empty");
  }
}
