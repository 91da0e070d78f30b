package org.perfgate.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open-model executors: constant-arrival-rate and ramping-arrival-rate. A scheduler starts
 * iteration {@code i} at its intended time from {@link ArrivalSchedule}, on an idle VU from the
 * pool; when every VU is busy and {@code maxVUs} are allocated, the iteration is dropped and counted
 * in {@code dropped_iterations}. If the scheduler itself runs late (GC, overloaded machine) it starts
 * the overdue iterations at once, each still measured from its own intended time. How late each
 * iteration actually began (scheduler wake-up, thread start) goes to {@code iteration_start_lag}.
 */
final class ArrivalRateRunner extends ScenarioRunner {
  private static final long NANOS_PER_MICRO = 1_000;

  ArrivalRateRunner(CompiledScenario scenario, RunControl control) {
    super(scenario, control);
  }

  @Override
  void start(long startNanos, long endNanos) {
    ArrivalSpec spec = ArrivalSpec.of(scenario.scenario().executor());
    startWorker("scheduler",
        () -> schedule(spec.schedule(), startNanos, endNanos, spec.preAllocatedVus(), spec.maxVus()));
  }

  private void schedule(ArrivalSchedule schedule, long startNanos, long endNanos, int preAllocated, int maxVus) {
    ConcurrentLinkedQueue<Vu> idle = new ConcurrentLinkedQueue<>();
    AtomicInteger allocated = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    for (int i = 0; i < preAllocated; i++) {
      idle.add(control.newVu(scenario));
      allocated.incrementAndGet();
    }
    try {
      long total = schedule.totalIterations();
      for (long i = 0; i < total; i++) {
        long intended = startNanos + schedule.offsetNanos(i);
        if (intended >= endNanos || !control.sleepUntil(intended)) {
          break;
        }
        Vu vu = idle.poll();
        if (vu == null && allocated.get() < maxVus) {
          allocated.incrementAndGet();
          vu = control.newVu(scenario);
        }
        if (vu == null) {
          SampleSinks.add(scenario.droppedIterations(), 1);
          continue;
        }
        Vu chosen = vu;
        startWorker("iteration", () -> {
          SampleSinks.record(scenario.iterationStartLag(), Math.max(0, System.nanoTime() - intended) / NANOS_PER_MICRO);
          if (!iterate(chosen, intended)) {
            chosen.close();
            return;
          }
          // Give back the pooled I/O buffers until the next iteration: the pool hands them to
          // whichever VU runs next, so buffers exist for the iterations in flight, not for every
          // VU ever allocated (maxVUs may be large, and more VUs get allocated as a run goes on).
          chosen.idle();
          idle.add(chosen);
          if (done.get()) {
            closeAll(idle); // the scheduler already ended: nobody will reuse this VU
          }
        });
      }
    } finally {
      done.set(true);
      closeAll(idle); // VUs still running close theirs when their iteration ends
    }
  }

  private static void closeAll(ConcurrentLinkedQueue<Vu> idle) {
    for (Vu vu = idle.poll(); vu != null; vu = idle.poll()) {
      vu.close();
    }
  }
}
