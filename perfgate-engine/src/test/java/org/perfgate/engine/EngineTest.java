package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.engine.Plans.get;
import static org.perfgate.engine.Plans.plan;
import static org.perfgate.engine.Plans.request;
import static org.perfgate.engine.Plans.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.ScriptedProtocol.Reply;
import org.perfgate.model.Aggregation;
import org.perfgate.model.Check;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Extraction;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.Plan;
import org.perfgate.model.RunResult;
import org.perfgate.model.Stage;
import org.perfgate.model.Threshold;

class EngineTest extends ScriptedModels {
  private static final Duration ZERO = Duration.ZERO;

  private static RunResult run(Plan plan, ScriptedProtocol protocol) {
    return Engine.create(plan, protocol, EngineOptions.defaults()).run();
  }

  static double count(RunResult result, String metric) {
    return result.metric(MetricKey.of(metric)).map(m -> switch (m.values()) {
      case MetricValues.Counter c -> c.count();
      case MetricValues.Trend t -> (double) t.stats().count();
      case MetricValues.Rate r -> (double) (r.passes() + r.fails());
      case MetricValues.Gauge g -> g.max();
    }).orElse(0.0);
  }

  @Test
  void constantVusLoopTheFlowForTheDurationOnOneConnectionEach() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(10));
    RunResult result = run(plan(List.of(),
        scenario("s", new ExecutorSpec.ConstantVus(2, Duration.ofSeconds(1)), ZERO, get("a", "http://t/a"))), protocol);

    assertThat(count(result, "http_reqs")).isBetween(40.0, 200.0).isEqualTo(count(result, "iterations"));
    assertThat(count(result, "vus_max")).isEqualTo(2);
    assertThat(protocol.opened.get()).isEqualTo(2);
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void perVuIterationsRunExactlyThatManyIterationsPerVu() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}"));
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.PerVuIterations(3, 4, Duration.ofSeconds(10)), ZERO, get("a", "http://t/a"))), protocol);
    assertThat(count(result, "iterations")).isEqualTo(12);
  }

  @Test
  void sharedIterationsRunExactlyThatManyIterationsInTotal() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}"));
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.SharedIterations(3, 10, Duration.ofSeconds(10)), ZERO, get("a", "http://t/a"))), protocol);
    assertThat(count(result, "iterations")).isEqualTo(10);
    assertThat(protocol.requests.get()).isEqualTo(10);
  }

  @Test
  void countsDroppedIterationsWhenEveryVuIsBusy() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(300));
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.ConstantArrivalRate(20, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1), Duration.ofSeconds(1),
        get("a", "http://t/a"))), protocol);

    double started = count(result, "iterations");
    double dropped = count(result, "dropped_iterations");
    assertThat(started + dropped).isEqualTo(20);
    assertThat(dropped).isGreaterThanOrEqualTo(14);
  }

  @Test
  void rampingArrivalRateStartsTheIntegralOfItsRate() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}"));
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.RampingArrivalRate(0, Duration.ofSeconds(1), List.of(new Stage(Duration.ofSeconds(1), 20)), 2, 5),
        ZERO, get("a", "http://t/a"))), protocol);
    assertThat(count(result, "iterations")).isEqualTo(10);
    assertThat(count(result, "dropped_iterations")).isZero();
  }

  @Test
  void rampingVusReachesItsTargetAndNoMore() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(5));
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.RampingVus(0, List.of(new Stage(Duration.ofMillis(800), 4), new Stage(Duration.ofMillis(400), 4)),
            Duration.ofSeconds(1)), ZERO, get("a", "http://t/a"))), protocol);
    assertThat(count(result, "vus_max")).isEqualTo(4);
    assertThat(protocol.opened.get()).isEqualTo(4);
  }

  @Test
  void interruptsVusRampedDownForLongerThanGracefulRampDown() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(60_000));
    long start = System.nanoTime();
    // one VU from the start, ramped to 0 at 500 ms: its 60 s request is cut after the 200 ms
    // gracefulRampDown, long before the scenario ends (2.5 s) and its gracefulStop (30 s)
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.RampingVus(1, List.of(new Stage(Duration.ofMillis(500), 1), new Stage(Duration.ZERO, 0),
            new Stage(Duration.ofSeconds(2), 0)), Duration.ofMillis(200)), Duration.ofSeconds(30),
        get("a", "http://t/a"))), protocol);

    assertThat(protocol.interruptedNanos.get() - start).isBetween(650_000_000L, 1_500_000_000L);
    assertThat(result.elapsed()).isBetween(Duration.ofMillis(2400), Duration.ofSeconds(4));
    assertThat(count(result, "http_reqs")).isZero();
  }

  @Test
  void abortOnFailStopsTheRunAsSoonAsTheThresholdFails() {
    ScriptedProtocol protocol = protocol(request -> Reply.refused().after(5));
    Threshold failed = Plans.threshold("http_req_failed", Aggregation.of(Aggregation.Kind.RATE), Threshold.Operator.LT,
        0.5, true);
    RunResult result = run(plan(List.of(failed), scenario("s",
        new ExecutorSpec.ConstantVus(2, Duration.ofSeconds(30)), ZERO, get("a", "http://t/a"))), protocol);

    assertThat(result.abortReason()).hasValueSatisfying(reason -> assertThat(reason).contains("abortOnFail"));
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
    assertThat(result.failures()).containsKey("connection refused");
    assertThat(result.thresholdsPassed()).isFalse();
  }

  @Test
  void hardStopInterruptsIterationsAfterGracefulStopAndDropsTheirSamples() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(60_000));
    RunResult result = run(plan(List.of(), scenario("s",
        new ExecutorSpec.ConstantVus(1, Duration.ofMillis(500)), Duration.ofMillis(200), get("a", "http://t/a"))),
        protocol);

    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
    assertThat(count(result, "http_reqs")).isZero();
  }

  @Test
  void thresholdsAreEvaluatedOnTheWholeRun() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(20));
    Threshold p95 = Plans.threshold("http_req_duration", Aggregation.percentile(95), Threshold.Operator.LT, 5, false);
    Threshold avg = Plans.threshold("http_req_duration", Aggregation.of(Aggregation.Kind.AVG), Threshold.Operator.LT,
        5000, false);
    RunResult result = run(plan(List.of(p95, avg), scenario("s",
        new ExecutorSpec.PerVuIterations(1, 3, Duration.ofSeconds(10)), ZERO, get("a", "http://t/a"))), protocol);

    assertThat(result.thresholds()).hasSize(2);
    assertThat(result.thresholds().get(0).ok()).isFalse();
    assertThat(result.thresholds().get(0).observed()).isGreaterThanOrEqualTo(20);
    assertThat(result.thresholds().get(1).ok()).isTrue();
  }

  @Test
  void extractedValuesFeedLaterRequestsAndChecksAreCounted() {
    List<String> urls = new CopyOnWriteArrayList<>();
    ScriptedProtocol protocol = protocol(
        request -> request.uri().getPath().equals("/login") ? Reply.ok("{\"token\":\"abc\",\"ok\":true}") : Reply.status(201),
        request -> urls.add(request.uri().toString()));
    RunResult result = run(plan(List.of(), scenario("s", new ExecutorSpec.PerVuIterations(1, 2, Duration.ofSeconds(10)),
        ZERO,
        request("login", "http://t/login", List.of(new Check.Status("status is 200", 200),
            new Check.JsonPathEquals("ok", "$.ok", "true")),
            List.of(new Extraction("token", Extraction.Source.JSON_PATH, "$.token"))),
        request("items", "http://t/items/{{token}}/{{__VU}}/{{__ITER}}", List.of(new Check.Status("created", 201),
            new Check.Status("is 200", 200)), List.of()))), protocol);

    assertThat(urls).containsExactly("http://t/login", "http://t/items/abc/1/0", "http://t/login", "http://t/items/abc/1/1");
    assertThat(result.checks()).extracting(c -> c.name() + "=" + c.passes() + "/" + c.fails())
        .containsExactly("status is 200=2/0", "ok=2/0", "created=2/0", "is 200=0/2");
  }

  @Test
  void abortsAnIterationWhoseVariableWasNeverExtracted() {
    List<String> urls = new CopyOnWriteArrayList<>();
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}"), request -> urls.add(request.uri().getPath()));
    RunResult result = run(plan(List.of(), scenario("s", new ExecutorSpec.PerVuIterations(1, 1, Duration.ofSeconds(10)),
        ZERO,
        request("login", "http://t/login", List.of(), List.of(new Extraction("token", Extraction.Source.JSON_PATH, "$.token"))),
        get("items", "http://t/items/{{token}}"))), protocol);

    assertThat(urls).containsExactly("/login");
    assertThat(result.failures()).containsEntry("iteration aborted: {{token}} has no value (its extraction failed)", 1L);
  }

  @Test
  void countsUnexpectedStatusesAsFailedRequestsByStatus() {
    ScriptedProtocol protocol = protocol(request -> Reply.status(503));
    RunResult result = run(plan(List.of(), scenario("s", new ExecutorSpec.PerVuIterations(1, 3, Duration.ofSeconds(10)),
        ZERO, get("a", "http://t/a"))), protocol);

    assertThat(result.failures()).containsEntry("status 503", 3L);
    assertThat(result.metric(MetricKey.of("http_req_failed")).orElseThrow().values())
        .isEqualTo(new MetricValues.Rate(3, 0));
    assertThat(result.metric(MetricKey.of("http_req_duration", java.util.Map.of("name", "a")))).isPresent();
  }
}
