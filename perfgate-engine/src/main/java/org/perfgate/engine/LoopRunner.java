package org.perfgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scenario whose VUs are {@link LoopVu}s spread over the run's event loops. Counts what is still
 * live (VUs of a closed model, the scheduler and iterations in flight of an open one), so the
 * scenario thread can wait for the end; the hard stop cuts iterations in flight on every loop.
 */
abstract sealed class LoopRunner extends ScenarioRunner permits LoopClosedRunner, LoopArrivalRunner, LoopRampingRunner {
  private static final long ABORT_CHECK_MILLIS = 10;

  final EventLoop[] loops;
  private final List<List<LoopVu>> vusByLoop = new ArrayList<>(); // list i: touched by loop i only
  private final AtomicInteger live = new AtomicInteger();
  private volatile boolean stopping;

  LoopRunner(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    super(scenario, control);
    this.loops = loops;
    for (int i = 0; i < loops.length; i++) {
      vusByLoop.add(new ArrayList<>());
    }
  }

  /** A new VU of this scenario on {@code loops[index]}; call on that loop. */
  final LoopVu newVu(int index, LoopVu.Driver driver) {
    LoopVu vu = control.newLoopVu(scenario, loops[index]);
    vu.driver(driver);
    vusByLoop.get(index).add(vu);
    return vu;
  }

  /** Whether the hard stop (or an abort) came: start nothing more. */
  final boolean stopping() {
    return stopping || control.aborted();
  }

  final void begin() {
    live.incrementAndGet();
  }

  final void end() {
    if (live.decrementAndGet() == 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  @Override
  final synchronized boolean awaitEnd(long deadlineNanos) {
    while (live.get() > 0) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0 || control.aborted()) {
        return false;
      }
      try {
        wait(Math.min(ABORT_CHECK_MILLIS, Math.max(1, remaining / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  final void stopNow() {
    stopping = true;
    for (int i = 0; i < loops.length; i++) {
      int index = i;
      loops[i].execute(() -> {
        stopOn(loops[index]);
        for (LoopVu vu : vusByLoop.get(index)) {
          if (vu.stop()) {
            end();
          }
        }
      });
    }
  }

  /** Called on each loop at the hard stop before its VUs are stopped (e.g. to end a scheduler). */
  void stopOn(EventLoop loop) {}

  @Override
  final void finish() {
    for (int i = 0; i < loops.length; i++) {
      int index = i;
      loops[i].execute(() -> {
        for (LoopVu vu : vusByLoop.get(index)) {
          vu.close();
        }
      });
    }
  }
}
