package org.perfgate.engine;

import java.util.ArrayList;
import java.util.List;
import org.perfgate.engine.spi.IoTimer;
import org.perfgate.model.ExecutorSpec;

/**
 * ramping-vus on the event loops. VU {@code i} lives on loop {@code i mod loops}, is created when
 * the schedule first wants more than {@code i} VUs (a slow ramp to 100,000 VUs allocates them as it
 * goes), iterates while the schedule wants more than {@code i}, and otherwise waits on a timer until
 * it is wanted again. gracefulRampDown as k6: every 50 ms each loop stops the iterations of VUs that
 * were unwanted for the whole grace period (their request is abandoned and not recorded).
 */
final class LoopRampingRunner extends LoopRunner {
  private static final long CHECK_NANOS = 50_000_000;

  private RampingVusSchedule schedule;
  private long graceNanos;
  private long startNanos;
  private long endNanos;
  private int maxVus;
  private LoopPart[] parts; // element i: written and read on loop i only

  LoopRampingRunner(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    super(scenario, control, loops);
  }

  @Override
  void stopOn(EventLoop loop) {
    for (int i = 0; i < loops.length; i++) {
      if (loops[i] == loop && parts[i] != null) {
        parts[i].stop();
      }
    }
  }

  @Override
  void start(long startNanos, long endNanos) {
    ExecutorSpec.RampingVus ramping = (ExecutorSpec.RampingVus) scenario.scenario().executor();
    this.schedule = new RampingVusSchedule(ramping.startVus(), ramping.stages());
    this.graceNanos = ramping.gracefulRampDown().toNanos();
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.maxVus = ramping.maxVus();
    this.parts = new LoopPart[loops.length];
    for (int i = 0; i < loops.length; i++) {
      int index = i;
      begin(); // each loop's starter is live until it started its last VU
      loops[i].execute(() -> new LoopPart(index).startDue());
    }
  }

  /** The VUs of one loop, their starter and the ramp-down check; touched by that loop only. */
  private final class LoopPart {
    private final int loopIndex;
    private final List<Ramped> vus = new ArrayList<>();
    private final IoTimer starter;
    private final IoTimer rampDownCheck;
    private int nextVu;
    private boolean starting = true;
    private boolean waitingForEnd;

    LoopPart(int loopIndex) {
      this.loopIndex = loopIndex;
      this.nextVu = loopIndex;
      this.starter = loops[loopIndex].timer(this::startDue);
      this.rampDownCheck = loops[loopIndex].timer(this::checkRampDown);
      rampDownCheck.arm(System.nanoTime() + CHECK_NANOS);
      parts[loopIndex] = this;
    }

    /** Hard stop or abort: ends the starter and the VUs waiting to be wanted again. */
    void stop() {
      rampDownCheck.cancel();
      starter.cancel();
      if (starting || waitingForEnd) {
        starting = false;
        waitingForEnd = false;
        end();
      }
      for (Ramped vu : vus) {
        if (vu.wakeUp.armed()) {
          vu.close();
        }
      }
    }

    /**
     * Creates every VU of this loop whose first wanted time has come and waits for the next one.
     * Live until the scenario's end, as k6's executor lasts its stages even when no VU is wanted.
     */
    void startDue() {
      if (waitingForEnd) {
        waitingForEnd = false;
        end();
        return;
      }
      while (starting) {
        long first = nextVu < maxVus ? schedule.nextTimeAtLeast(nextVu + 1, 0) : -1;
        if (first < 0 || startNanos + first - endNanos >= 0 || stopping()) {
          starting = false;
          if (System.nanoTime() - endNanos < 0 && !stopping()) {
            starter.arm(endNanos); // then startDue() ends this loop's part
            waitingForEnd = true;
            return;
          }
          end();
          return;
        }
        if (startNanos + first - System.nanoTime() > 0) {
          starter.arm(startNanos + first);
          return;
        }
        begin(); // the VU is live until it is closed
        Ramped vu = new Ramped(nextVu, this);
        vus.add(vu);
        nextVu += loops.length;
        vu.wake();
      }
    }

    void checkRampDown() {
      long offset = System.nanoTime() - startNanos;
      if (System.nanoTime() - endNanos >= 0 || stopping()) {
        return; // gracefulStop rules from here
      }
      if (offset >= graceNanos) {
        // VUs numbered at or above the highest target of the whole grace window were unwanted for all of it
        long wanted = schedule.maxTargetBetween(offset - graceNanos, offset);
        for (Ramped vu : vus) {
          if (vu.index >= wanted && vu.vu.stop()) {
            vu.notWanted(offset);
          }
        }
      }
      rampDownCheck.arm(System.nanoTime() + CHECK_NANOS);
    }
  }

  /** One VU and its wake-up timer. */
  private final class Ramped implements LoopVu.Driver {
    private final int index;
    private final LoopVu vu;
    private final IoTimer wakeUp;

    Ramped(int index, LoopPart part) {
      this.index = index;
      this.vu = newVu(part.loopIndex, this);
      this.wakeUp = loops[part.loopIndex].timer(this::wake);
    }

    /** Starts iterating if wanted now. */
    void wake() {
      long next = iterationEnded(null);
      if (next != LoopVu.NONE) {
        vu.start(next);
      }
    }

    @Override
    public long iterationEnded(LoopVu ignored) {
      long now = System.nanoTime();
      if (now - endNanos >= 0 || stopping()) {
        close();
        return LoopVu.NONE;
      }
      long offset = now - startNanos;
      if (schedule.targetAt(offset) > index) {
        return now;
      }
      notWanted(offset);
      return LoopVu.NONE;
    }

    /** Sleeps until the schedule wants this VU again, or closes it when it never will. */
    void notWanted(long offset) {
      long next = schedule.nextTimeAtLeast(index + 1, offset);
      if (next < 0 || startNanos + next - endNanos >= 0) {
        close();
      } else {
        wakeUp.arm(startNanos + next);
      }
    }

    private void close() {
      wakeUp.cancel();
      vu.close();
      end();
    }
  }
}
