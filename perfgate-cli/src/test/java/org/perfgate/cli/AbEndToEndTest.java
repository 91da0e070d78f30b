package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.Comparison;
import org.perfgate.model.Verdict;
import org.perfgate.report.Reports;

/**
 * {@code perfgate ab} on a throwaway git repository holding a one-file Python service: commit 1
 * answers after 10 ms, commit 2 after 30 ms.
 */
@Tag("slow")
class AbEndToEndTest {
  private static final String CONFIG = """
      ab:
        build: %s
        artifact: service.py
        start: exec python3 ${ARTIFACT} ${PORT}
        ready: %s
        warmup: 0s
        plans: [perf/plan.yaml]
        trials: 5
      """;

  @TempDir static Path repository;
  @TempDir Path scratch;
  private static String firstSha;

  @BeforeAll
  static void createRepository() throws IOException {
    git("init", "-q", "-b", "main");
    Files.createDirectories(repository.resolve("perf"));
    Files.writeString(repository.resolve("perf/plan.yaml"), """
        name: ab-e2e
        options:
          scenarios:
            s:
              executor: per-vu-iterations
              vus: 1
              iterations: 15
              flow:
                - request: { name: get, url: "${BASE_URL}/" }
        """);
    Files.writeString(repository.resolve(".gitignore"), ".perfgate/\n");
    Files.writeString(repository.resolve("perfgate.yaml"), CONFIG.formatted("\"true\"",
        "{ http: \"http://127.0.0.1:${PORT}/health\", timeout: 10s }"));
    commit("0.010", "fast");
    firstSha = git("rev-parse", "HEAD");
    commit("0.030", "slow: adds 20 ms");
  }

  @Test
  void reportsTheAddedDelayAsARegressionAndStoresBothSides() throws IOException {
    Path json = scratch.resolve("comparison.json");
    Cli.Outcome outcome = ab("--base", "main~1", "--mode", "sequential", "--out", "json=" + json);

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isEqualTo(ExitCode.REGRESSION.code());
    Comparison comparison = Reports.readComparisonJson(json);
    assertThat(comparison.overall()).isEqualTo(Verdict.REGRESSION);
    assertThat(comparison.base().metadata().gitSha()).contains(firstSha);
    assertThat(comparison.base().runIds()).hasSize(5);
    assertThat(comparison.head().runIds()).hasSize(5);
    var median = comparison.metrics().stream().filter(m -> m.statistic().equals("med")).findFirst().orElseThrow();
    // 10 ms -> 30 ms plus a little overhead on each side: about +150..+200 %.
    assertThat(median.statistics().changePercent()).isBetween(100.0, 220.0);
    assertThat(outcome.out()).contains("system under test (median of trials; stored as sut_* metrics):")
        .contains("ready in").containsPattern("first request \\d+\\.\\d ms");
    assertThat(outcome.err()).contains("perfgate: trial 10 of 10")
        .containsPattern("perfgate: comparison of ab-e2e saved as cmp-\\S+ \\(regression\\)");
    // the system's own figures are reported, not compared unless a budget names them
    assertThat(comparison.metrics()).extracting(metric -> metric.key().name()).noneMatch(name -> name.startsWith("sut_"));

    // The second run reuses worktrees and cached builds.
    Cli.Outcome cached = ab("--base", "main~1", "--skip-build", "--trials", "2");
    assertThat(cached.err()).contains("using the cached build of base").doesNotContain("Traceback");
  }

  @Test
  void reportsNoRegressionComparingACommitWithItself() {
    Cli.Outcome outcome = ab("--base", "main", "--head", "main", "--mode", "sequential");

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isZero();
    assertThat(outcome.out()).doesNotContainIgnoringCase("regression:");
  }

  @Test
  void addsPairsWhileInconclusiveUpToMaxTrialsAndStoresThemAll() throws IOException {
    Path json = scratch.resolve("adaptive.json");
    Cli.Outcome outcome = ab("--base", "main", "--head", "main", "--trials", "5", "--max-trials", "7",
        "--out", "json=" + json);

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isZero();
    Comparison comparison = Reports.readComparisonJson(json);
    assertThat(comparison.overall()).isNotEqualTo(Verdict.REGRESSION);
    int perSide = comparison.base().runIds().size();
    assertThat(perSide).isBetween(5, 7);
    assertThat(comparison.head().runIds()).hasSize(perSide);
    long adaptiveLines = outcome.err().lines().filter(line -> line.startsWith("perfgate: adaptive: ")).count();
    assertThat(adaptiveLines).isEqualTo(perSide - 5);
  }

  @Test
  void duetReportsNoRegressionComparingACommitWithItself() {
    Cli.Outcome outcome = ab("--base", "main", "--head", "main", "--trials", "4"); // duet is the default

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isZero();
    assertThat(outcome.out()).doesNotContainIgnoringCase("regression:");
    assertThat(outcome.err()).contains("4 trials each, duet").contains("perfgate: duet trial 4 of 4");
  }

  @Test
  void duetReportsTheAddedDelayAsARegression() throws IOException {
    Path json = scratch.resolve("duet.json");
    Cli.Outcome outcome = ab("--base", "main~1", "--mode", "duet", "--out", "json=" + json);

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isEqualTo(ExitCode.REGRESSION.code());
    Comparison comparison = Reports.readComparisonJson(json);
    assertThat(comparison.base().runIds()).hasSize(5);
    assertThat(comparison.head().runIds()).hasSize(5);
    var median = comparison.metrics().stream().filter(m -> m.statistic().equals("med")).findFirst().orElseThrow();
    assertThat(median.statistics().changePercent()).isBetween(100.0, 220.0);
  }

  @Test
  void rejectsAnUnknownMode() {
    Cli.Outcome outcome = ab("--mode", "parallel");

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).isEqualTo("perfgate: error: --mode parallel: expected sequential or duet\n");
  }

  @Test
  void rejectsMaxTrialsBelowTrials() {
    Cli.Outcome outcome = ab("--trials", "5", "--max-trials", "4");

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).isEqualTo("perfgate: error: --max-trials 4: expected at least the trials per side (5)\n");
  }

  @Test
  void failsClearlyWithoutPerfgateYaml() {
    Cli.Outcome outcome = run("ab", "-C", scratch.toString());

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).isEqualTo("perfgate: error: perfgate ab needs " + scratch.resolve("perfgate.yaml")
        + " with an 'ab:' section (build, start, ready, plans); none found\n");
  }

  @Test
  void failsClearlyWithoutAnAbSection() throws IOException {
    Path config = Files.writeString(scratch.resolve("perfgate.yaml"), "project: x\n");
    Cli.Outcome outcome = ab("--config", config.toString());

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).isEqualTo("perfgate: error: " + config
        + " has no 'ab:' section; perfgate ab needs one (build, start, ready, plans)\n");
  }

  @Test
  void failsClearlyOnAnUnknownRef() {
    Cli.Outcome outcome = ab("--base", "no-such-branch");

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).isEqualTo("perfgate: error: unknown git revision 'no-such-branch' in " + repository
        + "; expected a branch, a tag, a commit SHA, HEAD or latest\n");
  }

  @Test
  void failsClearlyWhenTheBuildFails() throws IOException {
    Path config = Files.writeString(scratch.resolve("perfgate.yaml"), CONFIG.formatted(
        "\"echo compiling; echo 'error: missing semicolon' >&2; exit 3\"", "{ log: Started }"));
    Cli.Outcome outcome = ab("--config", config.toString(), "--trials", "1");

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).containsPattern("perfgate: error: the build of base main \\([0-9a-f]{10}\\) failed with"
        + " exit code 3 \\('echo compiling.*; log: .*build.log\\); last lines:\n  compiling\n  error: missing semicolon\n");
  }

  @Test
  void failsClearlyWhenTheServiceNeverBecomesReady() throws IOException {
    Path config = Files.writeString(scratch.resolve("perfgate.yaml"), CONFIG.formatted("\"true\"",
        "{ log: \"Listening on\", timeout: 5s }"));
    Cli.Outcome outcome = ab("--config", config.toString(), "--trials", "1");

    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    assertThat(outcome.err()).containsPattern("perfgate: error: (base|head) \\S+ \\([0-9a-f]{10}\\): the system under"
        + " test was not ready within 5s \\(waiting for a log line containing 'Listening on'\\); last log lines:\n"
        + "  Started\n");
  }

  private Cli.Outcome ab(String... args) {
    List<String> all = new ArrayList<>(List.of("ab", "-C", repository.toString(), "--no-color"));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private Cli.Outcome run(String... args) {
    return Cli.run(Map.of("PERFGATE_STORE", scratch.resolve("history.db").toString()), args);
  }

  private static void commit(String delaySeconds, String message) throws IOException {
    ServiceRepo.commitService(repository, delaySeconds, "", message);
  }

  private static String git(String... arguments) {
    return ServiceRepo.git(repository, arguments);
  }

}
