package org.perfgate.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * constant-arrival-rate and ramping-arrival-rate with their VUs on the event loops. A scheduler
 * thread sleeps until each iteration's intended start and hands it to a loop, round robin among
 * the loops with an idle VU (else among all); when it runs late it hands over the overdue
 * iterations at once, each still measured from its own intended time. The scheduler is a platform
 * thread, not a loop timer: the loops tick in milliseconds, and every microsecond an iteration
 * starts late is reported as latency (from the intended start), so the start must be as precise
 * as a parked platform thread gets (tens of microseconds).
 *
 * <p>An iteration holds one of the maxVUs places from its hand-over to its end; when every place is
 * held at an intended start, that iteration is dropped ({@code dropped_iterations}). Which VU runs
 * it is decided on the loop, when the iteration starts: the VU most recently idle on that loop, else
 * a new one (up to maxVUs in all). Why not in the scheduler: a loop that is behind (a busy core, a
 * method the JIT is recompiling) has not yet taken in the responses that free its VUs, so a
 * scheduler looking for an idle VU found none and created one per overdue iteration, each with a
 * new connection to open on the already late loop: a 20 ms hiccup at the start of a scenario grew
 * into 100-200 ms and a thousand new connections at 10,000/s (bench/rate-precision.sh). Exactness
 * is as with threads: started + dropped == scheduled.
 */
final class LoopArrivalRunner extends LoopRunner {
  private static final long NANOS_PER_MICRO = 1_000;
  private static final long STOP_CHECK_NANOS = 10_000_000;

  private final ArrivalSpec spec;
  /** Iterations handed to a loop and not ended yet: at most maxVUs. Only the scheduler adds. */
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger allocated = new AtomicInteger();
  /**
   * Per loop, its idle VUs, most recently used first: a run that needs 5 VUs at a time keeps
   * reusing the same 5 warm connections instead of rotating through every allocated one. Deque i
   * is touched by loop i only.
   */
  private final List<ArrayDeque<LoopVu>> idle = new ArrayList<>();
  /**
   * Per loop, its idle VUs minus the iterations handed to it on the promise of one (reserved) that
   * have not started yet. The scheduler hands an iteration to a loop with one available, so that
   * with every VU allocated an iteration does not go to a loop whose VUs are all busy while another
   * loop has one idle (it would be dropped: a VU lives on its loop's selector).
   */
  private final AtomicIntegerArray available;
  private final LoopVu.Driver[] backToPool;
  private int nextLoop; // the scheduler's round robin

  LoopArrivalRunner(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    super(scenario, control, loops);
    this.spec = ArrivalSpec.of(scenario.scenario().executor());
    this.available = new AtomicIntegerArray(loops.length);
    this.backToPool = new LoopVu.Driver[loops.length];
    for (int i = 0; i < loops.length; i++) {
      int index = i;
      idle.add(new ArrayDeque<>());
      backToPool[i] = vu -> backToPool(index, vu);
    }
  }

  @Override
  void start(long startNanos, long endNanos) {
    preAllocate(spec.preAllocatedVus());
    begin(); // the scheduler is live until the schedule ends
    Thread.ofPlatform().name(scenario.scenario().name() + "-scheduler").daemon().start(() -> {
      try {
        schedule(spec.schedule(), startNanos, endNanos);
      } finally {
        end();
      }
    });
  }

  /** Creates the pre-allocated VUs on their loops and waits for them, so the first starts find them. */
  private void preAllocate(int count) {
    CountDownLatch created = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int index = i % loops.length;
      allocated.incrementAndGet();
      loops[index].execute(() -> {
        idle.get(index).addFirst(newVu(index, backToPool[index]));
        available.incrementAndGet(index);
        created.countDown();
      });
    }
    try {
      created.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void schedule(ArrivalSchedule schedule, long startNanos, long endNanos) {
    long total = schedule.totalIterations();
    for (long i = 0; i < total && !stopping(); i++) {
      long intended = startNanos + schedule.offsetNanos(i);
      if (intended - endNanos >= 0 || !sleepUntil(intended)) {
        return;
      }
      handOver(intended);
    }
  }

  /** Parks until {@code deadlineNanos}; false at the hard stop or an abort. */
  private boolean sleepUntil(long deadlineNanos) {
    for (long remaining = deadlineNanos - System.nanoTime(); remaining > 0;
        remaining = deadlineNanos - System.nanoTime()) {
      if (stopping()) {
        return false;
      }
      LockSupport.parkNanos(Math.min(remaining, STOP_CHECK_NANOS)); // sees a stop within 10 ms
    }
    return !stopping();
  }

  private void handOver(long intended) {
    // Only this thread adds to held and loops only subtract: the check cannot be overtaken.
    if (held.get() >= spec.maxVus()) {
      SampleSinks.add(scenario.droppedIterations(), 1);
      return;
    }
    held.incrementAndGet();
    int withIdleVu = reserveIdleVu();
    boolean reserved = withIdleVu >= 0;
    int index = reserved ? withIdleVu : nextLoop;
    nextLoop = index + 1 == loops.length ? 0 : index + 1;
    begin();
    loops[index].execute(() -> run(index, intended, reserved));
  }

  /** Counts one idle VU as taken on the first loop from {@code nextLoop} that has one; -1: none has. */
  private int reserveIdleVu() {
    for (int i = 0; i < loops.length; i++) {
      int candidate = (nextLoop + i) % loops.length;
      int count = available.get(candidate);
      if (count > 0 && available.compareAndSet(candidate, count, count - 1)) {
        return candidate;
      }
    }
    return -1;
  }

  /**
   * On loop {@code index}: starts one iteration (unless the hard stop came meanwhile) on an idle VU
   * of the loop, else on a new one. {@code reserved}: the scheduler counted an idle VU of this loop
   * for it ({@link #available}).
   */
  private void run(int index, long intended, boolean reserved) {
    // available = idle - reserved iterations not started yet, kept so below
    if (stopping()) {
      if (reserved) {
        available.incrementAndGet(index); // its VU stays idle
      }
      release();
      return;
    }
    LoopVu vu = idle.get(index).pollFirst();
    if (vu == null && reserved) {
      available.incrementAndGet(index); // an unreserved iteration took the VU: this one is void
    } else if (vu != null && !reserved) {
      available.decrementAndGet(index);
    }
    if (vu == null) {
      if (!allocate()) {
        // every VU exists and none was idle here (another loop's VU freed up after the hand-over)
        SampleSinks.add(scenario.droppedIterations(), 1);
        release();
        return;
      }
      vu = newVu(index, backToPool[index]);
    }
    SampleSinks.record(scenario.iterationStartLag(), Math.max(0, System.nanoTime() - intended) / NANOS_PER_MICRO);
    vu.start(intended);
  }

  /** Counts one more VU when fewer than maxVUs exist; loops allocate concurrently. */
  private boolean allocate() {
    for (int count = allocated.get(); count < spec.maxVus(); count = allocated.get()) {
      if (allocated.compareAndSet(count, count + 1)) {
        return true;
      }
    }
    return false;
  }

  private long backToPool(int index, LoopVu vu) {
    // Give back what the connection can take again until the next iteration: buffers are needed
    // by the iterations in flight, not by every VU ever allocated (maxVUs may be large).
    vu.idle();
    idle.get(index).addFirst(vu);
    available.incrementAndGet(index);
    release();
    return LoopVu.NONE;
  }

  private void release() {
    held.decrementAndGet();
    end();
  }
}
