package org.perfgate.ab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.perfgate.engine.Engine;
import org.perfgate.engine.EngineOptions;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Plan;
import org.perfgate.model.Scenario;
import org.perfgate.plan.AbConfig;

/**
 * The warm-up before each measured trial ({@code ab.warmup}): the trial's own plans against the
 * fresh system, for a time or a number of iterations, results dropped. JIT, caches and connection
 * pools of the system under test are then in the state the measurement is meant to see.
 */
final class WarmUp {
  /** The longest an iteration-count warm-up may take per plan before it is cut short. */
  private static final Duration MAX_DURATION = Duration.ofMinutes(10);

  private WarmUp() {}

  /**
   * Runs the plans again and again until the warm-up time is over, or each plan's scenarios for the
   * warm-up's number of iterations; the results are dropped.
   */
  static void run(AbConfig config, List<Plan> plans, HttpProtocol protocol, EngineOptions options) {
    if (config.warmupIterations() > 0) {
      for (Plan plan : plans) {
        Engine.create(iterationsOnly(plan, config.warmupIterations()), protocol, options).run();
      }
      return;
    }
    if (config.warmup().isZero()) {
      return;
    }
    long deadline = System.nanoTime() + config.warmup().toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (Plan plan : plans) {
        Engine engine = Engine.create(plan, protocol, options);
        Thread timer = Thread.ofVirtual().start(() -> {
          try {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - System.nanoTime()));
            engine.abort("warm-up over");
          } catch (InterruptedException runEndedFirst) {
            // the plan finished before the deadline: nothing to stop
          }
        });
        engine.run();
        timer.interrupt();
      }
    }
  }

  /**
   * {@code plan} with each scenario's executor replaced by {@code iterations} shared iterations over
   * the scenario's VUs (its flow, env, tags and connection reuse kept), started at once, without thresholds.
   */
  static Plan iterationsOnly(Plan plan, long iterations) {
    List<Scenario> scenarios = new ArrayList<>();
    for (Scenario scenario : plan.scenarios()) {
      int vus = (int) Math.min(scenario.executor().maxVus(), iterations);
      scenarios.add(new Scenario(scenario.name(),
          new ExecutorSpec.SharedIterations(vus, iterations, MAX_DURATION), Duration.ZERO,
          scenario.gracefulStop(), scenario.env(), scenario.tags(), scenario.flow()));
    }
    return new Plan(plan.name(), plan.source(), scenarios, List.of(), List.of(), plan.connectionReuse());
  }
}
