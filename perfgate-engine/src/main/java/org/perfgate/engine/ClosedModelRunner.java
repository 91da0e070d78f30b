package org.perfgate.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.perfgate.model.ExecutorSpec;

/**
 * The closed-model executors: constant-vus, ramping-vus, per-vu-iterations and shared-iterations.
 * Each VU is a virtual thread looping the flow; a new iteration starts only when the previous one
 * ended, so there is no intended start time to correct against.
 */
final class ClosedModelRunner extends ScenarioRunner {

  ClosedModelRunner(CompiledScenario scenario, RunControl control) {
    super(scenario, control);
  }

  @Override
  void start(long startNanos, long endNanos) {
    switch (scenario.scenario().executor()) {
      case ExecutorSpec.ConstantVus constant -> {
        for (int i = 0; i < constant.vus(); i++) {
          startWorker("vu" + i, () -> loop(endNanos, Long.MAX_VALUE, null));
        }
      }
      case ExecutorSpec.PerVuIterations perVu -> {
        for (int i = 0; i < perVu.vus(); i++) {
          startWorker("vu" + i, () -> loop(endNanos, perVu.iterations(), null));
        }
      }
      case ExecutorSpec.SharedIterations shared -> {
        AtomicLong remaining = new AtomicLong(shared.iterations());
        for (int i = 0; i < shared.vus(); i++) {
          startWorker("vu" + i, () -> loop(endNanos, Long.MAX_VALUE, remaining));
        }
      }
      case ExecutorSpec.RampingVus ramping -> {
        RampingVusSchedule schedule = new RampingVusSchedule(ramping.startVus(), ramping.stages());
        for (int i = 0; i < ramping.maxVus(); i++) {
          int index = i;
          startWorker("vu" + i, () -> ramp(index, schedule, startNanos, endNanos));
        }
      }
      default -> throw new IllegalStateException("not a closed-model executor: " + scenario.scenario().executor());
    }
  }

  private void loop(long endNanos, long iterations, AtomicLong shared) {
    try (Vu vu = control.newVu(scenario)) {
      for (long done = 0; done < iterations && System.nanoTime() < endNanos && !control.aborted(); done++) {
        if (shared != null && shared.getAndDecrement() <= 0) {
          return;
        }
        if (!iterate(vu, System.nanoTime())) {
          return;
        }
      }
    }
  }

  /**
   * VU number {@code index} runs while the schedule wants more than {@code index} VUs, and sleeps
   * exactly until it is wanted again otherwise. A VU ramped down finishes its current iteration.
   */
  private void ramp(int index, RampingVusSchedule schedule, long startNanos, long endNanos) {
    Vu vu = null;
    try {
      while (!control.aborted()) {
        long now = System.nanoTime();
        if (now >= endNanos) {
          return;
        }
        long offset = now - startNanos;
        if (schedule.targetAt(offset) > index) {
          if (vu == null) {
            vu = control.newVu(scenario);
          }
          if (!iterate(vu, now)) {
            return;
          }
        } else {
          long next = schedule.nextTimeAtLeast(index + 1, offset);
          if (next < 0 || !control.sleepUntil(startNanos + next)) {
            return;
          }
        }
      }
    } finally {
      if (vu != null) {
        vu.close();
      }
    }
  }
}
