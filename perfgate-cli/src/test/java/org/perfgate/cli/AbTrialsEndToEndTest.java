package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.RunResult;
import org.perfgate.report.Reports;
import org.perfgate.store.RunStore;

/**
 * How {@code perfgate ab} runs its trials, on a throwaway repository whose Python service logs every
 * request: warm-up by iterations, the first request, several plans, a system that crashes in the
 * middle of a trial, and what is stored.
 */
@Tag("slow")
class AbTrialsEndToEndTest {
  // Logs "GET <path>" per request; the head commit's service crashes on its 3rd request on its
  // second start (a counter file in its worktree counts the starts).
  private static final String SERVICE = """
      import os, sys
      from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
      CRASH_ON_START = %d
      starts = int(open("starts.txt").read()) + 1 if os.path.exists("starts.txt") else 1
      open("starts.txt", "w").write(str(starts))
      served = 0
      class Handler(BaseHTTPRequestHandler):
          def do_GET(self):
              global served
              if self.path != "/health":
                  served += 1
                  print("GET " + self.path, flush=True)
                  if starts == CRASH_ON_START and served == 3:
                      print("crashing on purpose", flush=True)
                      os._exit(1)
              self.send_response(200)
              self.send_header("Content-Length", "2")
              self.end_headers()
              self.wfile.write(b"ok")
          def log_message(self, *args):
              pass
      ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
      """;

  @TempDir static Path repository;
  @TempDir Path scratch;

  @BeforeAll
  static void createRepository() throws IOException {
    ServiceRepo.git(repository, "init", "-q", "-b", "main");
    Files.createDirectories(repository.resolve("perf"));
    for (String name : List.of("a", "b")) {
      Files.writeString(repository.resolve("perf/" + name + ".yaml"), """
          name: plan-%s
          options:
            scenarios:
              s:
                executor: per-vu-iterations
                vus: 1
                iterations: 6
                flow:
                  - request: { name: %s, url: "${BASE_URL}/%s" }
          """.formatted(name, name, name));
    }
    Files.writeString(repository.resolve(".gitignore"), ".perfgate/\nstarts.txt\n");
    Files.writeString(repository.resolve("perfgate.yaml"), """
        ab:
          build: "true"
          start: exec python3 service.py ${PORT}
          ready: { http: "http://127.0.0.1:${PORT}/health", timeout: 10s }
          warmup: { iterations: 5 }
          plans: [perf/a.yaml, perf/b.yaml]
          trials: 3
          mode: sequential
        budgets:
          sut_time_to_ready: ['med regression <= 50%']
        """);
    commit(0, "base: never crashes");
    commit(2, "head: crashes in its second trial");
  }

  @Test
  void warmsUpByIterationsMeasuresTheFirstRequestRunsEveryPlanAndGoesOnAfterACrash() throws IOException {
    Path json = scratch.resolve("out.json");
    Cli.Outcome outcome = ab("--base", "main~1", "--head", "main", "--out", "json=" + json);

    String all = outcome.err() + outcome.out();
    assertThat(outcome.exitCode()).as(all).isIn(ExitCode.OK.code(), ExitCode.REGRESSION.code());
    // ab.mode from perfgate.yaml
    assertThat(outcome.err()).as(all).contains("3 trials each, sequential");
    // the crash: that trial is failed with the log tail, the run goes on
    assertThat(outcome.err()).containsPattern("perfgate: head main \\([0-9a-f]{10}\\): trial 2 failed: the system under"
        + " test exited with code 1; last log lines:\n(  .*\n)*  crashing on purpose\n");
    assertThat(outcome.err()).contains("head main").contains(": trial 2 stored");

    // one comparison per plan, each with its own files, and the failed trial named
    for (int plan = 1; plan <= 2; plan++) {
      Comparison comparison = Reports.readComparisonJson(scratch.resolve("out-plan" + plan + ".json"));
      assertThat(comparison.planName()).isEqualTo(plan == 1 ? "plan-a" : "plan-b");
      assertThat(comparison.base().runIds()).hasSize(3);
      assertThat(comparison.head().runIds()).hasSize(2);
      assertThat(comparison.warnings()).anyMatch(warning -> warning.startsWith("head: trial 2 failed: the system"));
      // a budget on a system metric adds it to the compared statistics
      assertThat(comparison.metrics()).extracting(metric -> metric.key().name()).contains("sut_time_to_ready");
    }

    // each successful trial's log: the first request (the first plan's GET), 5 warm-up iterations per
    // plan, then 6 measured iterations per plan; the readiness probe is not logged
    Path logs = logDirectory();
    String baseTrial = Files.readString(logs.resolve("base-trial1.out"));
    assertThat(baseTrial.lines().filter(line -> line.equals("GET /a"))).hasSize(1 + 5 + 6);
    assertThat(baseTrial.lines().filter(line -> line.equals("GET /b"))).hasSize(5 + 6);

    // stored: both sides' runs carry the system's metrics, and the comparisons are linked
    Cli.Outcome show = run("show", Reports.readComparisonJson(scratch.resolve("out-plan1.json")).head().runIds().get(0));
    assertThat(show.out()).as(show.err()).contains("sut_time_to_ready").contains("sut_first_request_duration")
        .contains("sut_rss_peak").contains("sut_cpu");
    Cli.Outcome comparisons = run("history", "--comparisons");
    assertThat(comparisons.exitCode()).as(comparisons.err()).isZero();
    assertThat(comparisons.out()).contains("plan-a").contains("plan-b").containsPattern("cmp-\\S+");
  }

  @Test
  void storesPerSecondCpuAndMemoryOfTheSystemUnderTest() throws IOException {
    Path json = scratch.resolve("aa.json");
    Cli.Outcome outcome = ab("--base", "main~1", "--head", "main~1", "--trials", "2", "--out", "json=" + json);

    assertThat(outcome.exitCode()).as(outcome.err() + outcome.out()).isZero();
    String runId = Reports.readComparisonJson(scratch.resolve("aa-plan1.json")).head().runIds().get(0);
    RunResult result;
    try (RunStore store = RunStore.open(scratch.resolve("history.db").toString(), Workspace.CODEC)) {
      result = store.find(runId).orElseThrow().result();
    }
    assertThat(result.series()).anyMatch(point -> point.key().equals(MetricKey.of("sut_rss")));
    assertThat(result.series()).anyMatch(point -> point.key().equals(MetricKey.of("sut_cpu")));
    assertThat(result.metric(MetricKey.of("sut_time_to_ready"))).isPresent();
    assertThat(result.metric(MetricKey.of("sut_first_request_duration"))).isPresent();
  }

  private Path logDirectory() throws IOException {
    try (Stream<Path> runs = Files.list(repository.resolve(".perfgate/ab"))) {
      return runs.sorted().toList().getFirst();
    }
  }

  private Cli.Outcome ab(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("ab", "-C", repository.toString(), "--no-color"));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private Cli.Outcome run(String... args) {
    return Cli.run(Map.of("PERFGATE_STORE", scratch.resolve("history.db").toString()), args);
  }

  private static void commit(int crashOnStart, String message) throws IOException {
    Files.writeString(repository.resolve("service.py"), SERVICE.formatted(crashOnStart));
    ServiceRepo.git(repository, "add", "-A");
    ServiceRepo.git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
  }
}
