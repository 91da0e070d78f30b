package org.perfgate.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
        RampDown rampDown = new RampDown(schedule, ramping.maxVus(), ramping.gracefulRampDown().toNanos(), startNanos);
        startWorker("ramp-up", () -> startWhenWanted(ramping.maxVus(), schedule, rampDown, startNanos, endNanos));
        startWorker("ramp-down", () -> rampDown.watch(endNanos));
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
   * Starts the thread of VU number {@code index} when the schedule first wants more than {@code
   * index} VUs, not all at the start: 100,000 parked threads would cost a stack each (about 2 KiB)
   * and a burst of 100,000 thread starts, for VUs a slow ramp wants only minutes later.
   */
  private void startWhenWanted(int maxVus, RampingVusSchedule schedule, RampDown rampDown, long startNanos,
      long endNanos) {
    for (int i = 0; i < maxVus; i++) {
      long first = schedule.nextTimeAtLeast(i + 1, 0); // non-decreasing in i: VUs start in order
      if (first < 0 || startNanos + first >= endNanos || !control.sleepUntil(startNanos + first)) {
        return;
      }
      int index = i;
      startWorker("vu" + i, () -> ramp(index, schedule, rampDown, startNanos, endNanos));
    }
  }

  /**
   * VU number {@code index} runs while the schedule wants more than {@code index} VUs, and sleeps
   * exactly until it is wanted again otherwise. A VU ramped down finishes its current iteration
   * within gracefulRampDown, or is interrupted by {@link RampDown}.
   */
  private void ramp(int index, RampingVusSchedule schedule, RampDown rampDown, long startNanos, long endNanos) {
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
          rampDown.iterating(index, Thread.currentThread());
          boolean completed = iterate(vu, now);
          rampDown.idle(index);
          if (!completed) {
            // interrupted: by the ramp-down watchdog (the VU may be wanted again later, on a new
            // connection), or by a hard stop or abort (the loop condition ends the VU)
            Thread.interrupted();
            vu.close();
            vu = null;
          }
        } else {
          long next = schedule.nextTimeAtLeast(index + 1, offset);
          if (next < 0) {
            return;
          }
          if (!control.sleepUntil(startNanos + next)) {
            // a hard stop or abort ends the loop at its top; a ramp-down interrupt that arrived just
            // after the iteration ended must not end a VU that may be wanted again
            Thread.interrupted();
          }
        }
      }
    } finally {
      if (vu != null) {
        vu.close();
      }
    }
  }

  /**
   * Enforces gracefulRampDown: a VU whose number has been above the target for longer than
   * gracefulRampDown while still in an iteration is interrupted, as k6 does. Checks every 50 ms.
   */
  private static final class RampDown {
    private static final long CHECK_NANOS = 50_000_000;

    private final RampingVusSchedule schedule;
    private final long graceNanos;
    private final long startNanos;
    private final AtomicReferenceArray<Thread> iterating;

    RampDown(RampingVusSchedule schedule, int maxVus, long graceNanos, long startNanos) {
      this.schedule = schedule;
      this.graceNanos = graceNanos;
      this.startNanos = startNanos;
      this.iterating = new AtomicReferenceArray<>(maxVus);
    }

    void iterating(int index, Thread thread) {
      iterating.set(index, thread);
    }

    void idle(int index) {
      iterating.set(index, null);
    }

    void watch(long endNanos) {
      while (System.nanoTime() < endNanos) {
        java.util.concurrent.locks.LockSupport.parkNanos(CHECK_NANOS);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        long offset = System.nanoTime() - startNanos;
        if (offset < graceNanos) {
          continue;
        }
        // VUs numbered at or above the highest target of the whole grace window were unwanted for all of it
        long wanted = schedule.maxTargetBetween(offset - graceNanos, offset);
        for (int i = (int) Math.min(wanted, iterating.length()); i < iterating.length(); i++) {
          Thread thread = iterating.get(i);
          if (thread != null) {
            thread.interrupt();
          }
        }
      }
    }
  }
}
