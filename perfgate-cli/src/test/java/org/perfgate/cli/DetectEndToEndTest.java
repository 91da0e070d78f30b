package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.perfgate.testkit.TargetServer;

/** {@code perfgate detect} on history stored by real runs whose latency steps up halfway. */
@Tag("slow")
class DetectEndToEndTest {
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

  private String run(Map<String, String> env, Path plan, int delayMillis) {
    Cli.Outcome outcome = Cli.run(env, "run", "-q", "--no-color", "-e", "DELAY=" + delayMillis, plan.toString());
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    Matcher matcher = STORED.matcher(outcome.err());
    assertThat(matcher.find()).as(outcome.err()).isTrue();
    return matcher.group(1);
  }

  @Test
  void findsTheRunWhereLatencyStepsUp() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("BASE_URL", "http://127.0.0.1:" + server.port());
    env.put("PERFGATE_STORE", directory.resolve("history.db").toString());
    Path plan = Files.writeString(directory.resolve("stepping.yaml"), """
        name: stepping
        options:
          scenarios:
            s:
              executor: per-vu-iterations
              vus: 2
              iterations: 10
              flow:
                - request: { name: delayed, url: "${BASE_URL}/delay?ms=${DELAY}" }
        """);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      // a step far above the scheduling noise of a loaded 2-core CI machine (p95 of 20 requests)
      ids.add(run(env, plan, i < 12 ? 5 : 40));
    }

    Cli.Outcome detect = Cli.run(env, "detect", "--plan", "stepping");

    assertThat(detect.exitCode()).as(detect.err()).isZero();
    assertThat(detect.out()).startsWith("1 change point in 24 trial groups (plan stepping, http_req_duration p95;");
    List<String> lines = detect.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("   12  " + ids.get(12) + "  ");

    Cli.Outcome json = Cli.run(env, "detect", "--json");
    assertThat(json.out()).contains("\"runId\" : \"" + ids.get(12) + "\"").contains("\"index\" : 12");
    Cli.Outcome unknown = Cli.run(env, "detect", "--statistic", "p42");
    assertThat(unknown.exitCode()).isEqualTo(104);
    assertThat(unknown.err()).isEqualTo("perfgate: error: unknown statistic 'p42': expected one of count, min, avg,"
        + " p50, p90, p95, p99, p999, max, rate, value\n");
  }
}
