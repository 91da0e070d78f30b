package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.engine.Plans.get;
import static org.perfgate.engine.Plans.plan;
import static org.perfgate.engine.Plans.scenario;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.ScriptedProtocol.Reply;
import org.perfgate.metrics.Histograms;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.Stage;

/**
 * The open model's guarantees that do not depend on machine speed: how many iterations start or
 * drop, and that a stalled target's wait is reported. Timing bounds are generous (a loaded 2-core CI
 * machine); counts are exact where the schedule makes them so.
 */
class ArrivalRateRunnerTest extends ScriptedModels {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static RunResult run(ExecutorSpec executor, Duration gracefulStop, ScriptedProtocol protocol) {
    return Engine.create(plan(List.of(), scenario("s", executor, gracefulStop, get("a", "http://t/a"))), protocol,
        EngineOptions.defaults()).run();
  }

  private static double counter(RunResult result, String metric) {
    return result.metric(MetricKey.of(metric)).map(m -> ((MetricValues.Counter) m.values()).count()).orElse(0.0);
  }

  private static MetricValues.Trend trend(RunResult result, String metric) {
    return (MetricValues.Trend) result.metric(MetricKey.of(metric)).orElseThrow().values();
  }

  @Test
  void dropsExactlyTheIterationsNoVuWasFreeFor() {
    // 10 intended starts at 0, 100, ..., 900 ms; 2 VUs, each busy for 3 s from its first start:
    // the first two start, the other eight find no VU and maxVUs reached
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(3000));
    RunResult result = run(new ExecutorSpec.ConstantArrivalRate(10, SECOND, SECOND, 2, 2), Duration.ofSeconds(10),
        protocol);

    assertThat(counter(result, "iterations")).isEqualTo(2);
    assertThat(counter(result, "dropped_iterations")).isEqualTo(8);
    assertThat(protocol.opened.get()).isEqualTo(2);
  }

  @Test
  void startedPlusDroppedIsTheWholeScheduleWhenVusRunOut() {
    // ramping 0 -> 200/s over 1 s, then 200/s for 1 s: 100 + 200 scheduled; 4 VUs busy 50 ms each
    // can start at most ~80/s, so many drop; whatever the machine, none vanishes
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(50));
    ExecutorSpec.RampingArrivalRate ramping = new ExecutorSpec.RampingArrivalRate(0, SECOND,
        List.of(new Stage(SECOND, 200), new Stage(SECOND, 200)), 1, 4);
    RunResult result = run(ramping, Duration.ofSeconds(10), protocol);

    long scheduled = ArrivalSchedule.ramping(0, SECOND, ramping.stages()).totalIterations();
    assertThat(scheduled).isEqualTo(300);
    assertThat(counter(result, "iterations") + counter(result, "dropped_iterations")).isEqualTo(scheduled);
    assertThat(counter(result, "dropped_iterations")).isGreaterThan(100);
    assertThat(protocol.opened.get()).isEqualTo(4);
  }

  @Test
  void recordsHowLateEveryArrivalRateIterationStarted() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}"));
    RunResult result = run(new ExecutorSpec.ConstantArrivalRate(50, SECOND, SECOND, 5, 5), Duration.ZERO, protocol);

    MetricValues.Trend lag = trend(result, "iteration_start_lag");
    assertThat(lag.stats().count()).isEqualTo(50).isEqualTo((long) counter(result, "iterations"));
    assertThat(lag.stats().min()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void closedModelsHaveNoStartLag() {
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}"));
    RunResult result = run(new ExecutorSpec.PerVuIterations(1, 3, Duration.ofSeconds(10)), Duration.ZERO, protocol);
    assertThat(result.metric(MetricKey.of("iteration_start_lag"))).isEmpty();
  }

  @Test
  void reportsRequestsThatArriveDuringATargetStallWithTheirWait() {
    // the target answers at once except during [300, 600) ms of the run, when it holds every
    // request until 600 ms. At 100/s, 30 requests arrive in the stall and wait 300, 290, ..., 10 ms:
    // an open model reports all of them (a closed one would send ~1 and report one long request)
    long[] stall = new long[2];
    ScriptedProtocol protocol = protocol(request -> {
      long now = System.nanoTime();
      if (now >= stall[0] && now < stall[1]) {
        return Reply.ok("{}").after(Duration.ofNanos(stall[1] - now).toMillis());
      }
      return Reply.ok("{}");
    });
    Engine engine = Engine.create(plan(List.of(), scenario("s", new ExecutorSpec.ConstantArrivalRate(100, SECOND,
        SECOND, 50, 50), Duration.ofSeconds(5), get("a", "http://t/a"))), protocol, EngineOptions.defaults());
    long start = System.nanoTime();
    stall[0] = start + Duration.ofMillis(300).toNanos();
    stall[1] = start + Duration.ofMillis(600).toNanos();
    RunResult result = engine.run();

    assertThat(counter(result, "dropped_iterations")).isZero();
    MetricValues.Trend duration = trend(result, "http_req_duration");
    assertThat(duration.stats().count()).isEqualTo(100);
    assertThat(duration.stats().max()).isBetween(250.0, 600.0);
    Histogram histogram = Histograms.decode(duration.histogram());
    long overHundredMillis = histogram.getTotalCount() - histogram.getCountBetweenValues(0, 100_000);
    assertThat(overHundredMillis).isBetween(15L, 25L); // 20 on an idle machine: arrivals at 300..490 ms
  }
}
