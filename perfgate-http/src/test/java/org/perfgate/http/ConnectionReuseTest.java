package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.Engine;
import org.perfgate.engine.EngineOptions;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Flow;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.Plan;
import org.perfgate.model.RunResult;
import org.perfgate.model.Scenario;
import org.perfgate.model.Step;
import org.perfgate.model.Template;
import org.perfgate.testkit.TargetServer;

/** The plan options noConnectionReuse and noVUConnectionReuse, run by the engine over real sockets. */
class ConnectionReuseTest {
  private static TargetServer server;

  @BeforeAll
  static void start() {
    server = TargetServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.resetCounts();
  }

  /** One VU, three iterations of two requests with a think time between them. */
  private static RunResult run(ConnectionReuse reuse) {
    Step.Request fast = new Step.Request("fast", "GET", Template.parse(server.uri("/fast").toString()), Map.of(),
        Map.of(), Optional.empty(), List.of(), List.of(), Map.of(), Step.StatusRange.K6_DEFAULT);
    Step.Sleep think = new Step.Sleep(Duration.ofMillis(100), Duration.ofMillis(100));
    Scenario scenario = new Scenario("s", new ExecutorSpec.PerVuIterations(1, 3, Duration.ofSeconds(30)),
        Duration.ZERO, Duration.ofSeconds(5), Map.of(), Map.of(), new Flow(List.of(fast, think, fast)));
    Plan plan = new Plan("reuse", "<test>", List.of(scenario), List.of(), List.of(), reuse);
    return Engine.create(plan, new Http1Protocol(), EngineOptions.defaults()).run();
  }

  private static double failedRequests(RunResult result) {
    MetricValues values = result.metric(MetricKey.of("http_req_failed")).orElseThrow().values();
    return ((MetricValues.Rate) values).passes();
  }

  @Test
  void keepsOneConnectionPerVuByDefault() {
    RunResult result = run(ConnectionReuse.ALWAYS);
    assertThat(server.requestCount("/fast")).isEqualTo(6);
    assertThat(server.connectionCount()).isEqualTo(1);
    assertThat(failedRequests(result)).isZero();
  }

  @Test
  void noVuConnectionReuseConnectsOncePerIteration() {
    RunResult result = run(ConnectionReuse.WITHIN_ITERATION);
    assertThat(server.requestCount("/fast")).isEqualTo(6);
    assertThat(server.connectionCount()).isEqualTo(3);
    assertThat(failedRequests(result)).isZero();
  }

  @Test
  void noConnectionReuseConnectsForEveryRequest() {
    RunResult result = run(ConnectionReuse.NEVER);
    assertThat(server.requestCount("/fast")).isEqualTo(6);
    assertThat(server.connectionCount()).isEqualTo(6);
    assertThat(failedRequests(result)).isZero();
  }
}
