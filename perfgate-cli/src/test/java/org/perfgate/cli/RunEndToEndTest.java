package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.report.Reports;
import org.perfgate.testkit.TargetServer;

/** Real plans through the real CLI against a real local HTTP server. */
@Tag("slow")
class RunEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private Path plan(String yaml) throws IOException {
    return Files.writeString(directory.resolve("plan.yaml"), yaml);
  }

  private Map<String, String> env() {
    return Map.of("BASE_URL", "http://127.0.0.1:" + server.port(),
        "PERFGATE_STORE", directory.resolve("history.db").toString());
  }

  private static double counter(RunResult result, String key) {
    return ((MetricValues.Counter) result.metric(MetricKey.of(key)).orElseThrow().values()).count();
  }

  @Test
  void runsAnArrivalRatePlanAndWritesEveryOutput() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            steady:
              executor: constant-arrival-rate
              rate: 50
              timeUnit: 1s
              duration: 2s
              preAllocatedVUs: 5
              maxVUs: 20
              flow:
                - request:
                    name: fast
                    url: ${BASE_URL}/fast
                    checks: [ { status: 200 }, { jsonPath: $.ok, equals: true } ]
          thresholds:
            http_req_duration: ['p(95)<1000']
            'http_req_duration{name:fast}': ['max<5000']
            http_req_failed: ['rate<0.01']
            checks: ['rate==1']
        """);
    Path json = directory.resolve("out/result.json");
    Path csv = directory.resolve("out/series.csv");
    Path summary = directory.resolve("out/summary.json");

    Cli.Outcome outcome = Cli.run(env(), "run", "--no-color", "--out", "json=" + json, "--out", "csv=" + csv,
        "--summary-export", summary.toString(), file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("http_req_duration").contains("✓ 'p(95)<1000'").contains("{ name:fast }");
    RunResult result = Reports.readJson(json);
    assertThat(counter(result, "iterations") + counter(result, "dropped_iterations")).isEqualTo(100);
    assertThat(counter(result, "http_reqs")).isEqualTo(counter(result, "iterations"));
    assertThat(result.thresholds()).hasSize(4).allMatch(t -> t.ok());
    assertThat(result.checks()).allMatch(c -> c.fails() == 0 && c.passes() == counter(result, "iterations"));
    assertThat(Files.readAllLines(csv).get(0)).startsWith("second,metric,");
    JsonNode export = JSON.readTree(summary.toFile());
    assertThat(export.at("/metrics/http_reqs/values/count").asDouble()).isEqualTo(counter(result, "http_reqs"));
    assertThat(export.at("/metrics/http_req_duration/thresholds/p(95)<1000/ok").asBoolean()).isTrue();
  }

  @Test
  void exits99WhenAThresholdFails() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            slow:
              executor: per-vu-iterations
              vus: 2
              iterations: 3
              flow:
                - request: { name: delayed, url: "${BASE_URL}/delay?ms=30" }
          thresholds:
            http_req_duration: ['p(95)<10']
        """);
    Cli.Outcome outcome = Cli.run(env(), "run", "-q", "--no-color", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(99);
    assertThat(outcome.out()).contains("✗ 'p(95)<10'");
  }

  @Test
  void completesAgainstADownTargetAndReportsFailuresByReason() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            down:
              executor: per-vu-iterations
              vus: 2
              iterations: 5
              flow:
                - request: { url: "http://127.0.0.1:%d/fast" }
          thresholds:
            http_req_failed: ['rate<0.01']
        """.formatted(TargetServer.refusedPort()));
    Cli.Outcome outcome = Cli.run(Map.of(), "run", "-q", "--no-color", "--no-store", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(99);
    assertThat(outcome.out()).contains("connection refused: 10");
  }

  @Test
  void abortOnFailStopsTheRunWithTheAbortCode() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            failing:
              executor: constant-vus
              vus: 2
              duration: 60s
              flow:
                - request: { url: "${BASE_URL}/status?code=500" }
                - sleep: 10ms
          thresholds:
            http_req_failed:
              - threshold: rate<0.5
                abortOnFail: true
        """);
    long start = System.nanoTime();
    Cli.Outcome outcome = Cli.run(env(), "run", "-q", "--no-color", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(105);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(outcome.out()).contains("abortOnFail").contains("status 500");
  }

  @Test
  void extractsAValueAndUsesItInTheNextRequest() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            flow:
              executor: shared-iterations
              vus: 2
              iterations: 6
              exec: login
        flows:
          login:
            - request:
                name: login
                method: POST
                url: ${BASE_URL}/login
                json: { username: alice, password: secret }
                checks: [ { status: 200 } ]
                extract: { token: { jsonPath: $.token } }
            - request:
                name: echo
                url: ${BASE_URL}/echo
                headers: { Authorization: "Bearer {{token}}" }
                checks: [ { bodyContains: "Bearer " } ]
        """);
    Path json = directory.resolve("result.json");
    Cli.Outcome outcome = Cli.run(env(), "run", "-q", "--no-color", "--out", "json=" + json, file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    RunResult result = Reports.readJson(json);
    assertThat(result.checks()).extracting(c -> c.name() + " " + c.passes() + "/" + c.fails())
        .containsExactly("status is 200 6/0", "body contains Bearer  6/0");
    assertThat(counter(result, "iterations")).isEqualTo(6);
  }

  @Test
  void speaksHttp2OverCleartextWhenAsked() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            h2:
              executor: per-vu-iterations
              vus: 2
              iterations: 5
              flow:
                - request: { url: "${BASE_URL}/fast", checks: [ { status: 200 } ] }
        """);
    long before = server.http2RequestCount();
    Cli.Outcome outcome = Cli.run(env(), "run", "-q", "--no-color", "--http", "h2c", file.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(server.http2RequestCount() - before).isEqualTo(10);
  }

  @Test
  void runsEveryBundledExampleWithoutFailure() throws IOException {
    List<Path> examples;
    try (var files = Files.list(Path.of("..", "examples"))) {
      examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(examples).isNotEmpty();
    try (org.perfgate.demo.DemoService demo = org.perfgate.demo.DemoService.start()) {
      for (Path example : examples) {
        Cli.Outcome outcome = Cli.run(Map.of("BASE_URL", demo.baseUri().toString(), "DURATION", "3s"), "run", "-q",
            "--no-color", "--no-store", example.toString());
        assertThat(outcome.exitCode()).as(example + "\n" + outcome.out() + outcome.err()).isZero();
      }
    }
  }
}
