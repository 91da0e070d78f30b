package org.perfgate.engine;

import java.util.List;
import org.perfgate.model.Stage;

/**
 * The VU target of k6's ramping-vus executor as a function of time: linear between stage targets,
 * starting at {@code startVus}. Pure: tested with computed times, no clock.
 */
final class RampingVusSchedule {
  private final long startVus;
  private final long[] endNanos; // cumulative end of each stage
  private final long[] targets;

  RampingVusSchedule(long startVus, List<Stage> stages) {
    this.startVus = startVus;
    this.endNanos = new long[stages.size()];
    this.targets = new long[stages.size()];
    long end = 0;
    for (int i = 0; i < stages.size(); i++) {
      end += stages.get(i).duration().toNanos();
      endNanos[i] = end;
      targets[i] = stages.get(i).target();
    }
  }

  /** VUs wanted at {@code offsetNanos} since the executor's start (rounded down, as k6 does). */
  long targetAt(long offsetNanos) {
    long from = startVus;
    long stageStart = 0;
    for (int i = 0; i < endNanos.length; i++) {
      if (offsetNanos < endNanos[i]) {
        long length = endNanos[i] - stageStart;
        double progress = (double) (offsetNanos - stageStart) / length;
        return from + (long) Math.floor((targets[i] - from) * progress);
      }
      from = targets[i];
      stageStart = endNanos[i];
    }
    return from;
  }

  /**
   * The highest target at any time in [{@code fromNanos}, {@code toNanos}]: the target is linear
   * within a stage, so the maximum is at an end of the window or at a stage boundary inside it.
   */
  long maxTargetBetween(long fromNanos, long toNanos) {
    long max = Math.max(targetAt(fromNanos), targetAt(toNanos));
    for (long boundary : endNanos) {
      if (boundary > fromNanos && boundary < toNanos) {
        max = Math.max(max, targetAt(boundary));
      }
    }
    return max;
  }

  /**
   * The earliest offset at or after {@code fromNanos} at which the target is at least {@code vus},
   * or -1 when that never happens before the schedule ends. Lets an idle VU sleep exactly until it
   * is needed instead of polling.
   */
  long nextTimeAtLeast(long vus, long fromNanos) {
    if (targetAt(fromNanos) >= vus) {
      return fromNanos;
    }
    long from = startVus;
    long stageStart = 0;
    for (int i = 0; i < endNanos.length; i++) {
      long to = targets[i];
      long stageEnd = endNanos[i];
      if (stageEnd > fromNanos && to > from && to >= vus) {
        long length = stageEnd - stageStart;
        // smallest t with from + (to - from) * (t - stageStart) / length >= vus
        double needed = (double) (vus - from) / (to - from) * length;
        long candidate = Math.max(fromNanos, stageStart + (long) Math.ceil(needed));
        while (candidate < stageEnd && targetAt(candidate) < vus) {
          candidate++; // guards against floating-point rounding, at most a step or two
        }
        if (candidate < stageEnd) {
          return candidate;
        }
      }
      if (stageEnd > fromNanos && targetAt(stageEnd) >= vus) {
        return stageEnd; // reached exactly at the stage boundary
      }
      from = to;
      stageStart = stageEnd;
    }
    return -1;
  }
}
