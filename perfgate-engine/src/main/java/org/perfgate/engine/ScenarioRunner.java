package org.perfgate.engine;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.perfgate.model.ExecutorSpec;

/**
 * Runs one scenario from its start time to its end: the executor starts iterations until the
 * executor's duration is over, running iterations get {@code gracefulStop} to finish, then they are
 * interrupted. So a scenario never outlives startTime + duration + gracefulStop (plus the time an
 * interrupted request takes to unwind).
 */
abstract sealed class ScenarioRunner permits ClosedModelRunner, ArrivalRateRunner, LoopRunner {
  /** How long interrupted VUs get to unwind after a hard stop before the run stops waiting. */
  private static final long UNWIND_NANOS = TimeUnit.SECONDS.toNanos(2);

  final CompiledScenario scenario;
  final RunControl control;
  // running workers only: arrival-rate executors start one per iteration, so ended ones must go
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

  ScenarioRunner(CompiledScenario scenario, RunControl control) {
    this.scenario = scenario;
    this.control = control;
  }

  /**
   * The runner of {@code scenario}: on the event loops when there are any (the protocol is
   * non-blocking), else on virtual threads.
   */
  static ScenarioRunner of(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    if (loops.length > 0) {
      switch (scenario.scenario().executor()) {
        case ExecutorSpec.ConstantArrivalRate ignored -> {
          return new LoopArrivalRunner(scenario, control, loops);
        }
        case ExecutorSpec.RampingArrivalRate ignored -> {
          return new LoopArrivalRunner(scenario, control, loops);
        }
        case ExecutorSpec.RampingVus ignored -> {
          return new LoopRampingRunner(scenario, control, loops);
        }
        default -> {
          return new LoopClosedRunner(scenario, control, loops);
        }
      }
    }
    return switch (scenario.scenario().executor()) {
      case ExecutorSpec.ConstantArrivalRate ignored -> new ArrivalRateRunner(scenario, control);
      case ExecutorSpec.RampingArrivalRate ignored -> new ArrivalRateRunner(scenario, control);
      default -> new ClosedModelRunner(scenario, control);
    };
  }

  /** Runs the scenario; blocks until every worker ended or was abandoned after a hard stop. */
  final void run(long runStartNanos) {
    long start = runStartNanos + scenario.scenario().startTime().toNanos();
    if (!control.sleepUntil(start)) {
      return;
    }
    long end = start + scenario.scenario().executor().maxDuration().toNanos();
    start(start, end);
    long hardStop = end + scenario.scenario().gracefulStop().toNanos();
    if (!awaitEnd(hardStop)) {
      stopNow();
      awaitEnd(System.nanoTime() + UNWIND_NANOS);
    }
    finish();
  }

  /** After the scenario's end: releases what its VUs still hold. */
  void finish() {}

  /** Waits until every iteration ended; false at {@code deadlineNanos} or on an interrupt. */
  boolean awaitEnd(long deadlineNanos) {
    return awaitWorkers(deadlineNanos);
  }

  /** The hard stop: iterations still running are cut short and not recorded. */
  void stopNow() {
    for (Thread worker : workers) {
      worker.interrupt();
    }
  }

  /** Starts the executor's workers with {@link #startWorker}; returns without waiting for them. */
  abstract void start(long startNanos, long endNanos);

  final void startWorker(String name, Runnable body) {
    Thread worker = control.newThread(scenario.scenario().name() + "-" + name, () -> {
      try {
        body.run();
      } finally {
        workers.remove(Thread.currentThread());
      }
    });
    workers.add(worker);
    control.start(worker);
  }

  private boolean awaitWorkers(long deadlineNanos) {
    for (Iterator<Thread> it = workers.iterator(); it.hasNext(); it = workers.iterator()) {
      Thread worker = it.next();
      long remaining = deadlineNanos - System.nanoTime();
      try {
        if (remaining <= 0 || !worker.join(java.time.Duration.ofNanos(remaining))) {
          return false;
        }
        workers.remove(worker);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Runs one iteration counted in the {@code vus} gauge; false when the VU must stop. */
  final boolean iterate(Vu vu, long intendedStartNanos) {
    control.activeVus().incrementAndGet();
    try {
      return vu.iterate(intendedStartNanos);
    } finally {
      control.activeVus().decrementAndGet();
    }
  }
}
