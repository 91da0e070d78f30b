package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.Engine;
import org.perfgate.engine.EngineOptions;
import org.perfgate.metrics.Histograms;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Flow;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.Plan;
import org.perfgate.model.RunResult;
import org.perfgate.model.Scenario;
import org.perfgate.model.Step;
import org.perfgate.model.Template;
import org.perfgate.testkit.DelayServer;
import org.perfgate.testkit.StallSchedule;

/**
 * The engine with the real HTTP/1.1 client against a server of known latency ({@link DelayServer}):
 * stalls are reported with their wait under an open model, and a run against a target that never
 * answers still ends on time. Bounds are generous (loaded CI machines); bench/latency-truth.sh holds
 * the 5 % comparison with the analytic distribution.
 */
@Tag("slow")
class OpenModelAgainstDelayServerTest {
  private static final long MS = 1_000_000;

  @Test
  void reportsEveryRequestThatArrivedInAStallWithItsWait() {
    // D = 5 ms, M = 200 ms, S = 1 s; 200 requests/s for 3 s = 3 whole periods, so whatever the
    // phase, 600 requests: 120 arrive in a stall and wait U(0, M) more than D, 1 per period arrives
    // less than D before one and takes D + M, the rest take D. Over 100 ms: stall arrivals that
    // wait more than 95 ms, (200 - 95) / 1000 of 600 = 63, plus the 3 of the D + M atom = 66.
    // A load or a slow machine only adds latency, so the lower bounds are the guarantee (a
    // closed-model client would report about one long request per stall); upper bounds are loose.
    try (DelayServer server = DelayServer.start(new StallSchedule(5 * MS, 200 * MS, 1000 * MS))) {
      RunResult result = run(server, new ExecutorSpec.ConstantArrivalRate(200, Duration.ofSeconds(1),
          Duration.ofSeconds(3), 100, 300), Duration.ofSeconds(10));

      assertThat(counter(result, "dropped_iterations")).isZero();
      assertThat(counter(result, "http_reqs")).isEqualTo(600);
      assertThat(server.requestCount()).isEqualTo(600);
      MetricValues.Trend duration = trend(result, "http_req_duration");
      assertThat(duration.stats().min()).isGreaterThanOrEqualTo(4.99);
      assertThat(duration.stats().max()).isBetween(200.0, 2000.0);
      Histogram histogram = Histograms.decode(duration.histogram());
      long overHundredMillis = histogram.getTotalCount() - histogram.getCountBetweenValues(0, 100_000);
      assertThat(overHundredMillis).isBetween(53L, 300L);
    }
  }

  @Test
  void endsWithinDurationPlusGracefulStopWhenTheTargetNeverAnswers() {
    try (DelayServer server = DelayServer.start(StallSchedule.fixed(Duration.ofMinutes(10).toNanos()))) {
      long start = System.nanoTime();
      RunResult result = run(server, new ExecutorSpec.ConstantArrivalRate(20, Duration.ofSeconds(1),
          Duration.ofSeconds(1), 20, 20), Duration.ofMillis(500));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      // 1 s + 500 ms gracefulStop, then the hard stop interrupts the requests: no sample of a cut
      // request is recorded, and the run does not wait for the server's 10 minutes
      assertThat(elapsed).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
      assertThat(server.requestCount()).isEqualTo(20);
      assertThat(counter(result, "http_reqs")).isZero();
      assertThat(counter(result, "dropped_iterations")).isZero();
    }
  }

  private static RunResult run(DelayServer server, ExecutorSpec executor, Duration gracefulStop) {
    Step.Request request = new Step.Request("delay", "GET", Template.parse(server.uri("/").toString()), Map.of(),
        Map.of(), Optional.empty(), List.of(), List.of(), Map.of(), Step.StatusRange.K6_DEFAULT);
    Scenario scenario = new Scenario("open", executor, Duration.ZERO, gracefulStop, Map.of(), Map.of(),
        new Flow(List.of(request)));
    Plan plan = new Plan("delay", "<test>", List.of(scenario), List.of());
    return Engine.create(plan, Protocols.named("http1"), EngineOptions.defaults()).run();
  }

  private static double counter(RunResult result, String metric) {
    return result.metric(MetricKey.of(metric)).map(m -> ((MetricValues.Counter) m.values()).count()).orElse(0.0);
  }

  private static MetricValues.Trend trend(RunResult result, String metric) {
    return (MetricValues.Trend) result.metric(MetricKey.of(metric)).orElseThrow().values();
  }
}
