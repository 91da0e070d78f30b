package org.perfgate.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.perfgate.engine.spi.IoTimer;

/**
 * constant-arrival-rate and ramping-arrival-rate on the event loops. The scheduler is a timer on
 * the first loop: at each tick it starts every iteration whose intended time has come (several at
 * once when it runs late, each still measured from its own intended time) on an idle VU of the
 * shared pool, allocating one while fewer than maxVUs exist, else counting a dropped iteration.
 * A VU lives on the loop it was allocated on (round robin); an iteration for a VU on another loop
 * is handed over to that loop. Exactness is as with threads: started + dropped == scheduled.
 */
final class LoopArrivalRunner extends LoopRunner {
  private static final long NANOS_PER_MICRO = 1_000;

  private final ConcurrentLinkedQueue<LoopVu> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger allocated = new AtomicInteger();
  private final LoopVu.Driver backToPool = this::backToPool;
  // scheduler state: on loops[0] only
  private ArrivalSchedule schedule;
  private IoTimer timer;
  private long startNanos;
  private long endNanos;
  private long next;
  private int maxVus;
  private boolean scheduling;

  LoopArrivalRunner(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    super(scenario, control, loops);
  }

  @Override
  void start(long startNanos, long endNanos) {
    ArrivalSpec spec = ArrivalSpec.of(scenario.scenario().executor());
    schedule = spec.schedule();
    maxVus = spec.maxVus();
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    preAllocate(spec.preAllocatedVus());
    begin(); // the scheduler is live until the schedule ends
    loops[0].execute(() -> {
      scheduling = true;
      timer = loops[0].timer(this::tick);
      tick();
    });
  }

  /** Creates the pre-allocated VUs on their loops and waits for them, so the first ticks find them. */
  private void preAllocate(int count) {
    CountDownLatch created = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int index = allocated.getAndIncrement() % loops.length;
      loops[index].execute(() -> {
        idle.add(newVu(index, backToPool));
        created.countDown();
      });
    }
    try {
      created.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void tick() {
    if (!scheduling) {
      return;
    }
    if (stopping()) {
      endScheduling();
      return;
    }
    long now = System.nanoTime();
    long total = schedule.totalIterations();
    while (next < total) {
      long intended = startNanos + schedule.offsetNanos(next);
      if (intended - endNanos >= 0) {
        break;
      }
      if (intended - now > 0) {
        timer.arm(intended);
        return;
      }
      next++;
      dispatch(intended);
    }
    endScheduling();
  }

  private void endScheduling() {
    if (scheduling) {
      scheduling = false;
      timer.cancel();
      end();
    }
  }

  private void dispatch(long intended) {
    LoopVu vu = idle.poll();
    if (vu == null) {
      int number = allocated.get();
      if (number >= maxVus) {
        SampleSinks.add(scenario.droppedIterations(), 1);
        return;
      }
      allocated.set(number + 1); // only this loop allocates after the pre-allocation
      int index = number % loops.length;
      begin();
      if (index == 0) {
        run(newVu(0, backToPool), intended);
      } else {
        loops[index].execute(() -> run(newVu(index, backToPool), intended));
      }
      return;
    }
    begin();
    if (vu.loop() == loops[0]) {
      run(vu, intended);
    } else {
      LoopVu chosen = vu;
      vu.loop().execute(() -> run(chosen, intended));
    }
  }

  /** On the VU's loop: starts one iteration (unless the hard stop came meanwhile). */
  private void run(LoopVu vu, long intended) {
    if (stopping()) {
      idle.add(vu);
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
    idle.add(vu);
    end();
    return LoopVu.NONE;
  }

  @Override
  void stopOn(EventLoop loop) {
    if (loop == loops[0]) {
      endScheduling();
    }
  }
}
