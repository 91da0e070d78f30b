package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate ab --bisect} on a throwaway repository of four commits of a one-file Python
 * service: 10 ms, an unrelated change (10 ms), the regression (30 ms), another unrelated change (30 ms).
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the build assertions need the bisect to build first
class AbBisectEndToEndTest {

  @TempDir static Path repository;
  @TempDir Path scratch;
  private static final List<String> shas = new ArrayList<>();

  @BeforeAll
  static void createRepository() throws IOException {
    git("init", "-q", "-b", "main");
    Files.createDirectories(repository.resolve("perf"));
    Files.writeString(repository.resolve("perf/plan.yaml"), """
        name: bisect-e2e
        options:
          scenarios:
            s:
              executor: per-vu-iterations
              vus: 1
              iterations: 12
              flow:
                - request: { name: get, url: "${BASE_URL}/" }
        """);
    Files.writeString(repository.resolve(".gitignore"), ".perfgate/\n");
    Files.writeString(repository.resolve("perfgate.yaml"), """
        ab:
          build: git rev-parse HEAD >> ../../builds.txt
          artifact: service.py
          start: exec python3 ${ARTIFACT} ${PORT}
          ready: { http: "http://127.0.0.1:${PORT}/health", timeout: 10s }
          warmup: 0s
          plans: [perf/plan.yaml]
          trials: 5
        """);
    commit("0.010", "one", "fast service");
    commit("0.010", "two", "unrelated: rename a note");
    commit("0.030", "two", "slow: adds 20 ms");
    commit("0.030", "three", "unrelated: another note");
  }

  @Test
  @Order(1)
  void namesTheCommitThatAddedTheDelay() throws IOException {
    Cli.Outcome outcome = ab("--base", shas.get(0), "--head", "HEAD", "--bisect", "--trials", "5");

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isEqualTo(ExitCode.REGRESSION.code());
    String out = outcome.out();
    assertThat(out).as(outcome.err() + out).contains("bisect: 3 commits after base up to head, about 2 comparisons\n")
        .containsPattern("bisect: 3 commits left, testing " + shas.get(2).substring(0, 10)
            + " \\(slow: adds 20 ms\\) … regression: http_req_duration \\S+ \\+\\d+\\.\\d% → bad\n")
        .containsPattern("bisect: 2 commits left, testing " + shas.get(1).substring(0, 10)
            + " \\(unrelated: rename a note\\) … (no change|inconclusive|improvement) → good\n")
        .containsPattern("first bad commit: " + shas.get(2) + " slow: adds 20 ms — regression: \\S+ \\S+ \\+\\d+\\.\\d%\n");
    // Base and head were built by the main comparison; each step builds only the commit it tests.
    assertThat(outcome.err()).contains("using the cached build of base")
        .containsOnlyOnce("building head " + shas.get(2)).containsOnlyOnce("building head " + shas.get(1));
    assertThat(Files.readAllLines(repository.resolve(".perfgate/builds.txt"))).doesNotHaveDuplicates()
        .contains(shas.get(0), shas.get(1), shas.get(2), shas.get(3));
  }

  @Test
  @Order(2)
  void searchesNothingWhenHeadDoesNotRegress() {
    Cli.Outcome outcome = ab("--base", shas.get(2), "--head", "HEAD", "--bisect", "--trials", "3");

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isZero();
    assertThat(outcome.out()).endsWith("bisect: head does not regress against base; nothing to search\n");
  }

  private Cli.Outcome ab(String... args) {
    List<String> all = new ArrayList<>(List.of("ab", "-C", repository.toString(), "--no-color"));
    all.addAll(List.of(args));
    return Cli.run(Map.of("PERFGATE_STORE", scratch.resolve("history.db").toString()), all.toArray(String[]::new));
  }

  private static void commit(String delaySeconds, String note, String message) throws IOException {
    shas.add(ServiceRepo.commitService(repository, delaySeconds, note, message));
  }

  private static String git(String... arguments) {
    return ServiceRepo.git(repository, arguments);
  }

}
