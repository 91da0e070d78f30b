package org.perfgate.engine;

import java.time.Duration;
import java.util.List;
import org.perfgate.model.Stage;

/**
 * Intended start times of an arrival-rate executor. The rate is piecewise linear (a constant rate is
 * one flat stage); iteration {@code i} (from 0) starts when the integral of the rate reaches
 * {@code i}, so iteration 0 starts at once when the rate is positive. Pure and exact (no drift from
 * adding up intervals): tested with computed times.
 */
final class ArrivalSchedule {
  private final double[] startRates; // iterations per nanosecond at each stage's start
  private final double[] endRates;
  private final long[] stageNanos;
  private final double[] iterationsBefore; // integral of the rate before each stage

  private ArrivalSchedule(double startRatePerUnit, Duration timeUnit, List<Stage> stages) {
    int n = stages.size();
    startRates = new double[n];
    endRates = new double[n];
    stageNanos = new long[n];
    iterationsBefore = new double[n + 1];
    double unitNanos = timeUnit.toNanos();
    double from = startRatePerUnit / unitNanos;
    for (int i = 0; i < n; i++) {
      double to = stages.get(i).target() / unitNanos;
      startRates[i] = from;
      endRates[i] = to;
      stageNanos[i] = stages.get(i).duration().toNanos();
      iterationsBefore[i + 1] = iterationsBefore[i] + (from + to) / 2 * stageNanos[i];
      from = to;
    }
  }

  static ArrivalSchedule constant(long rate, Duration timeUnit, Duration duration) {
    return new ArrivalSchedule(rate, timeUnit, List.of(new Stage(duration, rate)));
  }

  static ArrivalSchedule ramping(long startRate, Duration timeUnit, List<Stage> stages) {
    return new ArrivalSchedule(startRate, timeUnit, stages);
  }

  /** How many iterations the whole schedule starts. */
  long totalIterations() {
    double total = iterationsBefore[iterationsBefore.length - 1];
    // iterations start while the integral is strictly below the end: i in [0, ceil(total))
    return (long) Math.ceil(total - 1e-9);
  }

  /** Offset of iteration {@code index} from the executor's start, or -1 past the end. */
  long offsetNanos(long index) {
    double wanted = index;
    long stageStart = 0;
    for (int i = 0; i < stageNanos.length; i++) {
      double before = iterationsBefore[i];
      double after = iterationsBefore[i + 1];
      if (wanted < after) {
        double within = wanted - before;
        double r0 = startRates[i];
        double slope = (endRates[i] - r0) / stageNanos[i];
        double t;
        if (Math.abs(slope) < 1e-30) {
          t = within / r0;
        } else {
          // solve r0 t + slope t^2 / 2 = within, taking the root in [0, stage]
          double discriminant = r0 * r0 + 2 * slope * within;
          t = (-r0 + Math.sqrt(Math.max(0, discriminant))) / slope;
        }
        return stageStart + Math.min(stageNanos[i], Math.max(0, Math.round(t)));
      }
      stageStart += stageNanos[i];
    }
    return -1;
  }
}
