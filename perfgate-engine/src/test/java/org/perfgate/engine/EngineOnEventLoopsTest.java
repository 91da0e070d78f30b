package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.engine.Plans.get;
import static org.perfgate.engine.Plans.plan;
import static org.perfgate.engine.Plans.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.ScriptedProtocol.Reply;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.Stage;

/**
 * Every {@link EngineTest} again with a non-blocking protocol (VUs on the event loops), and what
 * only the loops have to get right.
 */
class EngineOnEventLoopsTest extends EngineTest {
  @Override
  boolean nonBlocking() {
    return true;
  }

  private static Set<String> threadsOf(ExecutorSpec executor, boolean eventLoops) {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ScriptedProtocol protocol = new ScriptedProtocol(request -> Reply.ok("{}").after(1),
        request -> threads.add(Thread.currentThread().getName().replaceAll("\\d+$", "")), true);
    Engine.create(plan(List.of(), scenario("s", executor, Duration.ZERO, get("a", "http://t/a"))), protocol,
        EngineOptions.defaults().withEventLoops(eventLoops)).run();
    return threads;
  }

  @Test
  void runsVusOnTheEventLoopsWhenTheProtocolIsNonBlocking() {
    assertThat(threadsOf(new ExecutorSpec.PerVuIterations(3, 2, Duration.ofSeconds(5)), true))
        .containsExactly("perfgate-loop-");
    assertThat(threadsOf(new ExecutorSpec.ConstantArrivalRate(20, Duration.ofSeconds(1), Duration.ofMillis(500), 2, 4),
        true)).containsExactly("perfgate-loop-");
    assertThat(threadsOf(new ExecutorSpec.RampingVus(2, List.of(new Stage(Duration.ofMillis(300), 2)),
        Duration.ZERO), true)).containsExactly("perfgate-loop-");
  }

  @Test
  void runsVusOnVirtualThreadsWhenEventLoopsAreSwitchedOff() {
    assertThat(threadsOf(new ExecutorSpec.PerVuIterations(3, 2, Duration.ofSeconds(5)), false))
        .containsExactly("s-vu");
    assertThat(threadsOf(new ExecutorSpec.RampingVus(2, List.of(new Stage(Duration.ofMillis(300), 2)),
        Duration.ZERO), false)).containsExactly("s-vu");
  }

  @Test
  void answersWithinExecuteDoNotGrowTheStackHoweverManyIterationsInARow() {
    // no delay: every response arrives inside execute(); 200,000 iterations on one VU would
    // overflow the stack if each answer recursed into the next iteration
    ScriptedProtocol protocol = new ScriptedProtocol(request -> Reply.refused(), request -> {}, true);
    RunResult result = Engine.create(plan(List.of(), scenario("s",
        new ExecutorSpec.PerVuIterations(1, 200_000, Duration.ofSeconds(60)), Duration.ZERO, get("a", "http://t/a"))),
        protocol, EngineOptions.defaults()).run();

    assertThat(((MetricValues.Counter) result.metric(MetricKey.of("iterations")).orElseThrow().values()).count())
        .isEqualTo(200_000);
    assertThat(result.failures()).containsEntry("connection refused", 200_000L);
  }

  @Test
  void theHardStopClosesTheConnectionOfAnExchangeInFlight() {
    ScriptedProtocol protocol = new ScriptedProtocol(request -> Reply.ok("{}").after(60_000), request -> {}, true);
    long start = System.nanoTime();
    Engine.create(plan(List.of(), scenario("s", new ExecutorSpec.ConstantVus(2, Duration.ofMillis(300)),
        Duration.ofMillis(200), get("a", "http://t/a"))), protocol, EngineOptions.defaults()).run();

    // abandoned at 300 + 200 ms: close() reached the connection, whose answer never came
    assertThat(protocol.interruptedNanos.get() - start).isBetween(450_000_000L, 2_000_000_000L);
    assertThat(protocol.requests.get()).isEqualTo(2);
  }

  @Test
  void anAbortEndsARampingScenarioWithVusWaitingToBeWantedAgain() {
    // VU 1 is wanted only in the first 200 ms and then waits for a ramp-up 25 s later; the failed
    // requests abort the run after a second: nothing may keep the scenario alive until then
    ScriptedProtocol protocol = new ScriptedProtocol(request -> Reply.refused().after(5), request -> {}, true);
    org.perfgate.model.Threshold failed = Plans.threshold("http_req_failed",
        org.perfgate.model.Aggregation.of(org.perfgate.model.Aggregation.Kind.RATE),
        org.perfgate.model.Threshold.Operator.LT, 0.5, true);
    RunResult result = Engine.create(plan(List.of(failed), scenario("s",
        new ExecutorSpec.RampingVus(2, List.of(new Stage(Duration.ofMillis(200), 2), new Stage(Duration.ZERO, 1),
            new Stage(Duration.ofSeconds(25), 1), new Stage(Duration.ZERO, 2), new Stage(Duration.ofSeconds(5), 2)),
            Duration.ZERO), Duration.ofSeconds(30), get("a", "http://t/a"))), protocol, EngineOptions.defaults()).run();

    assertThat(result.abortReason()).isPresent();
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLoopThatFallsBehindStartsItsOverdueIterationsOnIdleVusInsteadOfNewOnes() {
    // 1000 iterations/s for 1 s on 4 pre-allocated VUs; the first request stalls its loop for
    // 300 ms (as a GC pause or a method the JIT recompiles would), so ~150-300 iterations fall due
    // meanwhile. Every answer comes within execute(): a VU is free again as soon as its iteration
    // started. The overdue iterations must run on those VUs; a scheduler that looked for an idle
    // VU while the loop was stalled found none and created one (and a connection) per iteration.
    java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
    ScriptedProtocol protocol = protocol(request -> {
      if (stalled.compareAndSet(false, true)) {
        Thread.sleep(300);
      }
      return Reply.ok("{}");
    });
    RunResult result = Engine.create(plan(List.of(), scenario("s",
        new ExecutorSpec.ConstantArrivalRate(1000, Duration.ofSeconds(1), Duration.ofSeconds(1), 4, 1000),
        Duration.ofSeconds(10), get("a", "http://t/a"))), protocol, EngineOptions.defaults()).run();

    assertThat(count(result, "iterations")).isEqualTo(1000);
    assertThat(count(result, "dropped_iterations")).isZero();
    assertThat(count(result, "vus_max")).isEqualTo(4);
    assertThat(protocol.opened.get()).isEqualTo(4);
    // the overdue ones were measured from their intended starts: the stall shows as start lag
    assertThat(((MetricValues.Trend) result.metric(MetricKey.of("iteration_start_lag")).orElseThrow().values())
        .stats().max()).isGreaterThanOrEqualTo(250);
  }

  @Test
  void anIterationGoesToTheLoopWithAnIdleVuWhenEveryVuExists() {
    // 100 iterations/s, maxVUs = preAllocatedVUs = 3, each request takes 20 ms: at every start two
    // VUs are busy and the one started 30 ms before has been idle for ~9 ms. With two loops the
    // VUs sit 2 + 1 on them, so plain round robin hands some starts to the loop whose VUs are all
    // busy, where no VU can be created: dropped although a VU was idle on the other loop.
    ScriptedProtocol protocol = protocol(request -> Reply.ok("{}").after(20));
    RunResult result = Engine.create(plan(List.of(), scenario("s",
        new ExecutorSpec.ConstantArrivalRate(100, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 3),
        Duration.ofSeconds(10), get("a", "http://t/a"))), protocol, EngineOptions.defaults()).run();

    assertThat(count(result, "dropped_iterations")).isZero();
    assertThat(count(result, "iterations")).isEqualTo(100);
    assertThat(count(result, "vus_max")).isEqualTo(3);
  }
}
