package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
  private static final String BASE = """
      # p95 latency per trial, ms
      99.1
      100.4

      98.7
      101.2   # after a GC-heavy warm-up
      100.0
      99.6
      100.9
      99.3
      100.6
      98.9
      """;
  private static final String SLOWER = "109.0\n110.4\n108.6\n111.3\n110.0\n109.6\n111.0\n109.2\n110.7\n108.8\n";

  @TempDir Path directory;

  private String file(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content).toString();
  }

  private Cli.Outcome compare(String base, String head, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("stats", "compare", "--base", file("base.txt", base),
        "--head", file("head.txt", head)));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void reportsARegressionWithItsOwnExitCode() throws IOException {
    Cli.Outcome outcome = compare(BASE, SLOWER);

    assertThat(outcome.out()).isEqualTo("""
        baseline: median 99.8 (10 trials)
        current:  median 109.8 (10 trials)
        change:   +10.0% (99% CI +8.6% to +11.4%), p < 0.0001
        MDE:      2.1%, tolerance 0%, lower is better
        verdict:  regression
        """);
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.REGRESSION.code()).isEqualTo(110);
  }

  @Test
  void higherIsBetterTurnsTheSameChangeIntoAnImprovement() throws IOException {
    Cli.Outcome outcome = compare(BASE, SLOWER, "--higher-is-better");

    assertThat(outcome.out()).endsWith("MDE:      2.1%, tolerance 0%, higher is better\nverdict:  improvement\n");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void reportsNoChangeWithinTheTolerance() throws IOException {
    Cli.Outcome outcome = compare(BASE, BASE, "--tolerance", "3%");

    assertThat(outcome.out()).isEqualTo("""
        baseline: median 99.8 (10 trials)
        current:  median 99.8 (10 trials)
        change:   +0.0% (99% CI -1.3% to +1.3%), p = 1.0000
        MDE:      2.1%, tolerance 3%, lower is better
        verdict:  no change
        """);
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void twoTrialsPerSideAreInconclusiveWhichFailsOnlyWhenAsked() throws IOException {
    assertThat(compare("100\n130\n", "160\n190\n").exitCode()).isZero();
    Cli.Outcome outcome = compare("100\n130\n", "160\n190\n", "--fail-on-inconclusive");

    assertThat(outcome.out()).isEqualTo("""
        baseline: median 115 (2 trials)
        current:  median 175 (2 trials)
        change:   +52.9% (99% CI unbounded), p = 0.3333
        MDE:      unbounded (too few trials for alpha 0.01), tolerance 0%, lower is better
        verdict:  inconclusive (changes smaller than the MDE cannot be told from noise: add trials or raise --tolerance)
        """);
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INCONCLUSIVE.code()).isEqualTo(111);
  }

  @Test
  void printsTheStatisticsAsJson() throws IOException {
    Cli.Outcome outcome = compare(BASE, SLOWER, "--json", "--alpha", "0.05");

    JsonNode json = new ObjectMapper().readTree(outcome.out());
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("baseTrials", "headTrials", "baseMedian", "headMedian", "changePercent",
        "ciLowPercent", "ciHighPercent", "confidence", "pValue", "mdePercent", "tolerancePercent", "higherIsBetter",
        "verdict");
    assertThat(json.get("verdict").asText()).isEqualTo("regression");
    assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(json.get("baseTrials").asInt()).isEqualTo(10);
    assertThat(json.get("pValue").asDouble()).isCloseTo(2.0 / 184_756, within(1e-12));
    assertThat(outcome.exitCode()).isEqualTo(110);
  }

  @Test
  void writesUnboundedValuesAsJsonNull() throws IOException {
    Cli.Outcome outcome = compare("100\n130\n", "160\n190\n", "--json", "--fail-on-inconclusive");

    JsonNode json = new ObjectMapper().readTree(outcome.out());
    assertThat(json.get("ciHighPercent").isNull()).isTrue();
    assertThat(json.get("mdePercent").isNull()).isTrue();
    assertThat(json.get("verdict").asText()).isEqualTo("inconclusive");
    assertThat(outcome.exitCode()).isEqualTo(111);
  }

  @Test
  void rejectsAMissingFile() {
    Path missing = directory.resolve("nope.txt");
    Cli.Outcome outcome = Cli.run("stats", "compare", "--base", missing.toString(), "--head", missing.toString());

    assertThat(outcome.err()).isEqualTo("perfgate: error: trial file not found: " + missing + "\n");
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code()).isEqualTo(104);
  }

  @Test
  void rejectsALineThatIsNotANumberNamingFileAndLine() throws IOException {
    String base = file("bad.txt", "# ms\n100\nabc\n");
    Cli.Outcome outcome = Cli.run("stats", "compare", "--base", base, "--head", file("head.txt", SLOWER));

    assertThat(outcome.err()).isEqualTo("perfgate: error: " + base + ":3: expected a number, got 'abc'\n");
    assertThat(outcome.exitCode()).isEqualTo(104);
  }

  @Test
  void rejectsFewerThanTwoValues() throws IOException {
    String head = file("one.txt", "# only one trial\n105\n\n");
    Cli.Outcome outcome = Cli.run("stats", "compare", "--base", file("base.txt", BASE), "--head", head);

    assertThat(outcome.err())
        .isEqualTo("perfgate: error: " + head + ": expected at least 2 values (one per trial), got 1\n");
    assertThat(outcome.exitCode()).isEqualTo(104);
  }

  @Test
  void rejectsNonPositiveValues() throws IOException {
    String head = file("zero.txt", "105\n0\n");
    Cli.Outcome outcome = Cli.run("stats", "compare", "--base", file("base.txt", BASE), "--head", head);

    assertThat(outcome.err()).isEqualTo(
        "perfgate: error: " + head + ":2: expected a number > 0 (changes are compared as ratios), got '0'\n");
    assertThat(outcome.exitCode()).isEqualTo(104);
  }

  @Test
  void rejectsBadFlagValuesAsInvalidInput() throws IOException {
    Cli.Outcome tolerance = compare(BASE, SLOWER, "--tolerance", "-3%");
    Cli.Outcome alpha = compare(BASE, SLOWER, "--alpha", "0.7");

    assertThat(tolerance.err()).isEqualTo("perfgate: error: --tolerance '-3%': expected a percentage >= 0, e.g. 3%\n");
    assertThat(tolerance.exitCode()).isEqualTo(104);
    assertThat(alpha.err())
        .isEqualTo("perfgate: error: --alpha '0.7': expected a number between 0 and 0.5, e.g. 0.01\n");
    assertThat(alpha.exitCode()).isEqualTo(104);
  }

  @Test
  void helpDocumentsTheExitCodesAndFormatsPercentSigns() {
    Cli.Outcome outcome = Cli.run("stats", "compare", "--help");

    assertThat(outcome.out()).startsWith("Usage: perfgate stats compare")
        .contains("Exit codes: 0 no change, improvement or inconclusive; 110 regression; 111")
        .contains("improvement, e.g. 3%. Default: 0%.");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void statsAloneListsItsSubcommands() {
    Cli.Outcome outcome = Cli.run("stats");

    assertThat(outcome.out()).startsWith("Usage: perfgate stats").contains("compare");
    assertThat(outcome.exitCode()).isZero();
  }
}
