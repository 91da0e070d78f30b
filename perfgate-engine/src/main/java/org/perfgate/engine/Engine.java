package org.perfgate.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.metrics.GaugeRecorder;
import org.perfgate.metrics.MetricRegistry;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.CheckResult;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.Plan;
import org.perfgate.model.RunResult;
import org.perfgate.model.Scenario;
import org.perfgate.model.Threshold;
import org.perfgate.model.ThresholdResult;

/**
 * Runs a {@link Plan} against its targets and returns what happened. Create with {@link #create},
 * run once with {@link #run}; {@link #abort} may be called from any thread (e.g. on Ctrl-C).
 *
 * <pre>{@code
 * RunResult result = Engine.create(plan, protocol, EngineOptions.defaults()).run();
 * }</pre>
 */
public final class Engine {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final Plan plan;
  private final EngineOptions options;
  private final MetricRegistry registry;
  private final Failures failures = new Failures();
  private final Map<String, CompiledRequest.CheckCounts> checkCounts = new LinkedHashMap<>();
  private final List<CompiledScenario> scenarios = new ArrayList<>();
  private final RunControl control;
  private final boolean eventLoops;

  private Engine(Plan plan, HttpProtocol protocol, EngineOptions options) {
    this.plan = plan;
    this.eventLoops = options.eventLoops() && protocol.nonBlocking();
    this.options = options;
    this.registry = MetricRegistry.create(plan.thresholds());
    this.control = new RunControl(protocol, options.http(), options.seed(), plan.connectionReuse());
    SampleSinks sinks = new SampleSinks(registry);
    for (Scenario scenario : plan.scenarios()) {
      scenarios.add(new CompiledScenario(scenario, sinks, failures, options.processEnv(), checkCounts));
    }
  }

  /**
   * Prepares a run: compiles checks and extractions, registers every series.
   *
   * @throws org.perfgate.model.InvalidInputException when a JSONPath or expected value is invalid
   */
  public static Engine create(Plan plan, HttpProtocol protocol, EngineOptions options) {
    return new Engine(Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(protocol, "protocol"),
        Objects.requireNonNull(options, "options"));
  }

  /** Stops the run early: running requests are interrupted, the result says why. */
  public void abort(String reason) {
    control.abort(reason);
  }

  /** Runs every scenario to its end (or an abort) and returns the result. Call once. */
  public RunResult run() {
    EventLoop[] loops = startLoops();
    try {
      return run(loops);
    } finally {
      for (EventLoop loop : loops) {
        loop.close(); // closes the connections VUs still hold
      }
    }
  }

  /** One loop per core, as wrk's threads: each loop keeps its core busy when the target answers. */
  private EventLoop[] startLoops() {
    if (!eventLoops) {
      return new EventLoop[0];
    }
    EventLoop[] loops = new EventLoop[Runtime.getRuntime().availableProcessors()];
    for (int i = 0; i < loops.length; i++) {
      loops[i] = EventLoop.start("perfgate-loop-" + i, i); // slot i: its own recorders, no contention
    }
    return loops;
  }

  private RunResult run(EventLoop[] loops) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    List<Thread> runners = new ArrayList<>();
    for (CompiledScenario scenario : scenarios) {
      ScenarioRunner runner = ScenarioRunner.of(scenario, control, loops);
      runners.add(Thread.ofPlatform().name("scenario-" + scenario.scenario().name()).daemon()
          .start(() -> runner.run(start)));
    }
    Ticker ticker = new Ticker(start);
    Thread tickerThread = Thread.ofPlatform().name("perfgate-ticker").daemon().start(ticker);
    for (Thread runner : runners) {
      joinUninterruptibly(runner);
    }
    tickerThread.interrupt();
    joinUninterruptibly(tickerThread);

    long end = System.nanoTime();
    updateGauges();
    registry.closeInterval(ticker.nextSecond);
    Duration elapsed = Duration.ofNanos(end - start);
    List<ThresholdResult> thresholds = registry.evaluate(plan.thresholds(), elapsed);
    List<CheckResult> checks = new ArrayList<>();
    for (CompiledRequest.CheckCounts counts : checkCounts.values()) {
      checks.add(new CheckResult(counts.scenario(), counts.name(), counts.passes().sum(), counts.fails().sum()));
    }
    try {
      return new RunResult(plan.name(), plan.source(), started, elapsed, registry.results(elapsed),
          registry.series(), thresholds, checks, failures.snapshot(), Optional.ofNullable(control.abortReason()));
    } finally {
      registry.close(); // the spooled series are in the result now: their file can go
    }
  }

  private void updateGauges() {
    GaugeRecorder vus = registry.gauge(MetricKey.of(BuiltinMetric.VUS.metricName()));
    GaugeRecorder vusMax = registry.gauge(MetricKey.of(BuiltinMetric.VUS_MAX.metricName()));
    vus.set(control.activeVus().get());
    vusMax.set(control.allocatedVus());
  }

  private Duration planned() {
    Duration longest = Duration.ZERO;
    for (Scenario scenario : plan.scenarios()) {
      Duration end = scenario.startTime().plus(scenario.executor().maxDuration());
      if (end.compareTo(longest) > 0) {
        longest = end;
      }
    }
    return longest;
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes one interval per second, aligned to the run's start, evaluates abortOnFail thresholds
   * and reports progress.
   */
  private final class Ticker implements Runnable {
    private final long start;
    private final List<Threshold> abortThresholds = new ArrayList<>();
    private final Duration planned = planned();
    private volatile long nextSecond;

    Ticker(long start) {
      this.start = start;
      for (Threshold threshold : plan.thresholds()) {
        if (threshold.abortOnFail()) {
          abortThresholds.add(threshold);
        }
      }
    }

    @Override
    public void run() {
      while (true) {
        long due = start + (nextSecond + 1) * SECOND;
        long remaining;
        while ((remaining = due - System.nanoTime()) > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(remaining);
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
        }
        updateGauges();
        registry.closeInterval(nextSecond);
        nextSecond++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        checkAbort(elapsed);
        options.listener().onSecond(status(elapsed));
      }
    }

    private void checkAbort(Duration elapsed) {
      for (Threshold threshold : abortThresholds) {
        if (elapsed.compareTo(threshold.delayAbortEval()) < 0) {
          continue;
        }
        for (ThresholdResult result : registry.evaluate(List.of(threshold), elapsed)) {
          if (!result.ok()) {
            control.abort("threshold '" + threshold.expression() + "' on " + threshold.metric()
                + " failed (abortOnFail)");
          }
        }
      }
    }

    private LiveStatus status(Duration elapsed) {
      double requests = 0;
      long total = 0;
      if (registry.lastInterval(MetricKey.of("http_reqs")).orElse(null) instanceof MetricValues.Counter c) {
        requests = c.count();
      }
      if (registry.total(MetricKey.of("http_reqs"), elapsed).orElse(null) instanceof MetricValues.Counter c) {
        total = (long) c.count();
      }
      double p95 = 0;
      if (registry.lastInterval(MetricKey.of("http_req_duration")).orElse(null) instanceof MetricValues.Trend t) {
        p95 = t.stats().p95();
      }
      double errors = 0;
      if (registry.lastInterval(MetricKey.of("http_req_failed")).orElse(null) instanceof MetricValues.Rate r) {
        errors = r.rate();
      }
      return new LiveStatus(elapsed, planned, control.activeVus().get(), requests, p95, errors, total);
    }
  }
}
