package org.perfgate.engine;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * constant-arrival-rate and ramping-arrival-rate with their VUs on the event loops. A scheduler
 * thread sleeps until each iteration's intended start and hands it to an idle VU of the shared
 * pool, allocating one while fewer than maxVUs exist, else counting a dropped iteration; when it
 * runs late it starts the overdue iterations at once, each still measured from its own intended
 * time. The scheduler is a platform thread, not a loop timer: the loops tick in milliseconds, and
 * every microsecond an iteration starts late is reported as latency (from the intended start),
 * so the start must be as precise as a parked platform thread gets (tens of microseconds). A VU
 * lives on the loop it was allocated on (round robin); its iterations are handed to that loop.
 * Exactness is as with threads: started + dropped == scheduled.
 */
final class LoopArrivalRunner extends LoopRunner {
  private static final long NANOS_PER_MICRO = 1_000;

  /**
   * Idle VUs, most recently used first: a run that needs 5 VUs at a time keeps reusing the same 5
   * warm connections instead of rotating through every allocated VU (and its connection, and its
   * memory in the CPU caches).
   */
  private final ConcurrentLinkedDeque<LoopVu> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger allocated = new AtomicInteger();
  private final LoopVu.Driver backToPool = this::backToPool;

  LoopArrivalRunner(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    super(scenario, control, loops);
  }

  @Override
  void start(long startNanos, long endNanos) {
    ArrivalSpec spec = ArrivalSpec.of(scenario.scenario().executor());
    preAllocate(spec.preAllocatedVus());
    begin(); // the scheduler is live until the schedule ends
    Thread.ofPlatform().name(scenario.scenario().name() + "-scheduler").daemon().start(() -> {
      try {
        schedule(spec, startNanos, endNanos);
      } finally {
        end();
      }
    });
  }

  /** Creates the pre-allocated VUs on their loops and waits for them, so the first starts find them. */
  private void preAllocate(int count) {
    CountDownLatch created = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int index = allocated.getAndIncrement() % loops.length;
      loops[index].execute(() -> {
        idle.addFirst(newVu(index, backToPool));
        created.countDown();
      });
    }
    try {
      created.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void schedule(ArrivalSpec spec, long startNanos, long endNanos) {
    ArrivalSchedule schedule = spec.schedule();
    long total = schedule.totalIterations();
    for (long i = 0; i < total && !stopping(); i++) {
      long intended = startNanos + schedule.offsetNanos(i);
      if (intended - endNanos >= 0 || !sleepUntil(intended)) {
        return;
      }
      dispatch(intended, spec.maxVus());
    }
  }

  /** Parks until {@code deadlineNanos}; false at the hard stop or an abort. */
  private boolean sleepUntil(long deadlineNanos) {
    for (long remaining = deadlineNanos - System.nanoTime(); remaining > 0;
        remaining = deadlineNanos - System.nanoTime()) {
      if (stopping()) {
        return false;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Math.min(remaining, 10_000_000)); // sees a stop within 10 ms
    }
    return !stopping();
  }

  private void dispatch(long intended, int maxVus) {
    LoopVu vu = idle.pollFirst();
    if (vu != null) {
      begin();
      vu.loop().execute(() -> run(vu, intended));
      return;
    }
    int number = allocated.get();
    if (number >= maxVus) {
      SampleSinks.add(scenario.droppedIterations(), 1);
      return;
    }
    allocated.set(number + 1); // only the scheduler allocates after the pre-allocation
    int index = number % loops.length;
    begin();
    loops[index].execute(() -> run(newVu(index, backToPool), intended));
  }

  /** On the VU's loop: starts one iteration (unless the hard stop came meanwhile). */
  private void run(LoopVu vu, long intended) {
    if (stopping()) {
      idle.addFirst(vu);
      end();
      return;
    }
    SampleSinks.record(scenario.iterationStartLag(), Math.max(0, System.nanoTime() - intended) / NANOS_PER_MICRO);
    vu.start(intended);
  }

  private long backToPool(LoopVu vu) {
    // Give back what the connection can take again until the next iteration: buffers are needed
    // by the iterations in flight, not by every VU ever allocated (maxVUs may be large).
    vu.idle();
    idle.addFirst(vu);
    end();
    return LoopVu.NONE;
  }
}
