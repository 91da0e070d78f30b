package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.Comparison;
import org.perfgate.model.Verdict;
import org.perfgate.report.Reports;
import org.perfgate.testkit.TargetServer;

/** Stored runs through the real CLI: trials, history, baselines, compare, export and import. */
@Tag("slow")
class HistoryEndToEndTest {
  private static final Pattern STORED = Pattern.compile("stored run (\\S+) in");
  private static TargetServer server;

  @TempDir Path directory;

  @BeforeAll
  static void startServer() {
    server = TargetServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private Map<String, String> env(Path store) {
    Map<String, String> env = new HashMap<>();
    env.put("BASE_URL", "http://127.0.0.1:" + server.port());
    env.put("PERFGATE_STORE", store.toString());
    return env;
  }

  private Path plan(String name) throws IOException {
    return Files.writeString(directory.resolve(name + ".yaml"), """
        name: %s
        options:
          scenarios:
            s:
              executor: per-vu-iterations
              vus: 2
              iterations: 15
              flow:
                - request: { name: delayed, url: "${BASE_URL}/delay?ms=${DELAY}" }
        budgets:
          http_req_duration: ['p(95) < 2s']
        """.formatted(name));
  }

  /** Runs {@code trials} stored trials and returns their run ids. */
  private List<String> runTrials(Map<String, String> env, Path plan, int delayMillis, int trials, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "-q", "--no-color", "--warmup-trials", "1",
        "--trials", Integer.toString(trials), "-e", "DELAY=" + delayMillis));
    args.addAll(List.of(extra));
    args.add(plan.toString());
    Cli.Outcome outcome = Cli.run(env, args.toArray(String[]::new));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Matcher matcher = STORED.matcher(outcome.err());
    List<String> ids = new java.util.ArrayList<>();
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    assertThat(ids).hasSize(trials);
    return ids;
  }

  @Test
  void comparesTrialGroupsFindingARealSlowdownAndNoChangeOnAnAaRun() throws IOException {
    Path store = directory.resolve("history.db");
    Map<String, String> env = env(store);
    Path plan = plan("compare-me");
    List<String> base = runTrials(env, plan, 5, 5);
    List<String> same = runTrials(env, plan, 5, 5);
    List<String> slower = runTrials(env, plan, 25, 5);

    Cli.Outcome saved = Cli.run(env, "baseline", "save", "main", "--run", base.get(0));
    assertThat(saved.out()).isEqualTo("baseline 'main' -> run " + base.get(0) + "\n");

    Path json = directory.resolve("regression.json");
    Cli.Outcome regression = Cli.run(env, "compare", slower.get(2), "--baseline", "main", "--tolerance", "20%",
        "--no-color", "--out", "json=" + json, "--out", "junit=" + directory.resolve("junit.xml"),
        "--out", "markdown=" + directory.resolve("comment.md"), "--out", "csv=" + directory.resolve("c.csv"));
    assertThat(regression.exitCode()).as(regression.out() + regression.err()).isEqualTo(110);
    Comparison comparison = Reports.readComparisonJson(json);
    assertThat(comparison.overall()).isEqualTo(Verdict.REGRESSION);
    assertThat(comparison.metrics()).filteredOn(m -> m.title().equals("http_req_duration med")).singleElement()
        .satisfies(m -> {
          assertThat(m.verdict()).isEqualTo(Verdict.REGRESSION);
          assertThat(m.statistics().changePercent()).isGreaterThan(100);
          assertThat(m.statistics().baseTrials()).isEqualTo(5);
        });
    assertThat(Files.readString(directory.resolve("junit.xml"))).contains("<failure");
    assertThat(Files.readString(directory.resolve("comment.md"))).contains("regression");

    Cli.Outcome aa = Cli.run(env, "compare", same.get(0), "--baseline", base.get(3), "--tolerance", "20%",
        "--no-color");
    assertThat(aa.exitCode()).as(aa.out()).isNotEqualTo(110);
    assertThat(aa.out()).doesNotContain("✗ regression");
  }

  @Test
  void listsShowsAndManagesBaselines() throws IOException {
    Path store = directory.resolve("history.db");
    Map<String, String> env = env(store);
    List<String> ids = runTrials(env, plan("listed"), 1, 2);

    Cli.Outcome history = Cli.run(env, "history", "--plan", "listed");
    assertThat(history.exitCode()).isZero();
    assertThat(history.out()).contains(ids.get(0)).contains(ids.get(1)).contains("listed");

    Cli.Outcome show = Cli.run(env, "show", ids.get(1).substring(0, 19), "--no-color");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("run: " + ids.get(1) + " (trial 2 of group").contains("http_req_duration");

    assertThat(Cli.run(env, "baseline", "save", "nightly").out()).isEqualTo("baseline 'nightly' -> run " + ids.get(1) + "\n");
    assertThat(Cli.run(env, "baseline", "list").out()).startsWith("nightly");
    assertThat(Cli.run(env, "baseline", "delete", "nightly").exitCode()).isZero();
    Cli.Outcome gone = Cli.run(env, "baseline", "delete", "nightly");
    assertThat(gone.exitCode()).isEqualTo(104);
    assertThat(gone.err()).isEqualTo("perfgate: error: unknown baseline 'nightly'; 'perfgate baseline list' shows them\n");
  }

  @Test
  void exportsAndImportsHistoryBetweenStores() throws IOException {
    Map<String, String> env = env(directory.resolve("a.db"));
    List<String> ids = runTrials(env, plan("moved"), 1, 2);
    Path export = directory.resolve("history.jsonl");
    assertThat(Cli.run(env, "export", export.toString()).exitCode()).isZero();
    assertThat(Files.readAllLines(export)).hasSize(2);

    Map<String, String> other = env(directory.resolve("b.db"));
    Cli.Outcome imported = Cli.run(other, "import", export.toString());
    assertThat(imported.out()).startsWith("imported 2 run(s) into sqlite:");
    assertThat(Cli.run(other, "history").out()).contains(ids.get(0)).contains(ids.get(1));
    assertThat(Cli.run(other, "import", export.toString()).out()).startsWith("imported 0 run(s)");
  }

  @Test
  void refusesBadComparisonsWithClearMessages() throws IOException {
    Map<String, String> env = env(directory.resolve("history.db"));
    String one = runTrials(env, plan("one"), 1, 1).get(0);
    String two = runTrials(env, plan("two"), 1, 1).get(0);

    Cli.Outcome unknown = Cli.run(env, "compare", one, "--baseline", "release-9");
    assertThat(unknown.exitCode()).isEqualTo(104);
    assertThat(unknown.err()).isEqualTo("perfgate: error: unknown baseline 'release-9': not a saved baseline [], "
        + "a run id, branch:NAME, tag:NAME or latest\n");

    Cli.Outcome different = Cli.run(env, "compare", one, "--baseline", two);
    assertThat(different.exitCode()).isEqualTo(104);
    assertThat(different.err()).isEqualTo("perfgate: error: cannot compare runs of different plans: baseline ran "
        + "'two', candidate ran 'one'\n");

    Cli.Outcome noOther = Cli.run(env, "compare", one, "--baseline", "latest");
    assertThat(noOther.exitCode()).isEqualTo(104);
    assertThat(noOther.err()).contains("--baseline latest: no other run of plan 'one'");
  }

  @Test
  void warnsAboutDifferentEnvironmentsAndRefusesThemWhenStrict() throws IOException {
    Map<String, String> env = env(directory.resolve("history.db"));
    Path plan = plan("envs");
    String small = runTrials(env, plan, 1, 2, "--label", "runner=small").get(0);
    String large = runTrials(env, plan, 1, 2, "--label", "runner=large").get(0);

    Cli.Outcome warned = Cli.run(env, "compare", large, "--baseline", small, "--no-color");
    assertThat(warned.out()).contains("different environments").contains("runner=small").contains("runner=large");

    Cli.Outcome strict = Cli.run(env, "compare", large, "--baseline", small, "--strict-env");
    assertThat(strict.exitCode()).isEqualTo(104);
    assertThat(strict.err()).startsWith("perfgate: error: --strict-env: the runs come from different environments");
  }

  @Test
  void refusesACorruptHistoryFileWithoutTouchingIt() throws IOException {
    Path store = Files.writeString(directory.resolve("history.db"), "this is not a database\n".repeat(100));
    byte[] before = Files.readAllBytes(store);

    Cli.Outcome outcome = Cli.run(env(store), "history");

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.err()).startsWith("perfgate: error: ").contains("is not a perfgate history database")
        .doesNotContain("\tat ");
    assertThat(Files.readAllBytes(store)).isEqualTo(before);
  }
}
