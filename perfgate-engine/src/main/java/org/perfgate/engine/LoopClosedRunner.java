package org.perfgate.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.perfgate.model.ExecutorSpec;

/**
 * constant-vus, per-vu-iterations and shared-iterations on the event loops: VU {@code i} lives on
 * loop {@code i mod loops} and starts its next iteration as soon as the previous one ends, until
 * the duration is over or its (or the shared) iteration count is used up.
 */
final class LoopClosedRunner extends LoopRunner {

  LoopClosedRunner(CompiledScenario scenario, RunControl control, EventLoop[] loops) {
    super(scenario, control, loops);
  }

  @Override
  void start(long startNanos, long endNanos) {
    int vus;
    long iterations = Long.MAX_VALUE;
    AtomicLong shared = null;
    switch (scenario.scenario().executor()) {
      case ExecutorSpec.ConstantVus constant -> vus = constant.vus();
      case ExecutorSpec.PerVuIterations perVu -> {
        vus = perVu.vus();
        iterations = perVu.iterations();
      }
      case ExecutorSpec.SharedIterations sharedIterations -> {
        vus = sharedIterations.vus();
        shared = new AtomicLong(sharedIterations.iterations());
      }
      default -> throw new IllegalStateException("not a loop closed-model executor: " + scenario.scenario().executor());
    }
    Policy policy = new Policy(endNanos, iterations, shared);
    for (int i = 0; i < vus; i++) {
      int index = i % loops.length;
      begin();
      loops[index].execute(() -> {
        if (stopping()) {
          end();
          return;
        }
        LoopVu vu = newVu(index, policy);
        long first = policy.iterationEnded(vu);
        if (first != LoopVu.NONE) {
          vu.start(first);
        }
      });
    }
  }

  /** When a VU starts its next iteration; also asked before its first. */
  private final class Policy implements LoopVu.Driver {
    private final long endNanos;
    private final long iterations;
    private final AtomicLong shared;

    Policy(long endNanos, long iterations, AtomicLong shared) {
      this.endNanos = endNanos;
      this.iterations = iterations;
      this.shared = shared;
    }

    @Override
    public long iterationEnded(LoopVu vu) {
      long now = System.nanoTime();
      if (stopping() || now - endNanos >= 0 || vu.iterations() >= iterations
          || (shared != null && shared.getAndDecrement() <= 0)) {
        vu.close();
        end();
        return LoopVu.NONE;
      }
      return now;
    }
  }
}
