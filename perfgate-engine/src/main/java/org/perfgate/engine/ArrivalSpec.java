package org.perfgate.engine;

import org.perfgate.model.ExecutorSpec;

/** What both arrival-rate executors tell their runner: the schedule and the VU pool's bounds. */
record ArrivalSpec(ArrivalSchedule schedule, int preAllocatedVus, int maxVus) {
  static ArrivalSpec of(ExecutorSpec executor) {
    return switch (executor) {
      case ExecutorSpec.ConstantArrivalRate constant -> new ArrivalSpec(
          ArrivalSchedule.constant(constant.rate(), constant.timeUnit(), constant.duration()),
          constant.preAllocatedVus(), constant.maxVus());
      case ExecutorSpec.RampingArrivalRate ramping -> new ArrivalSpec(
          ArrivalSchedule.ramping(ramping.startRate(), ramping.timeUnit(), ramping.stages()),
          ramping.preAllocatedVus(), ramping.maxVus());
      default -> throw new IllegalStateException("not an arrival-rate executor: " + executor);
    };
  }
}
