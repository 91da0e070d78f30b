package org.perfgate.model;

import java.time.Duration;
import java.util.List;

/** k6's executors. Closed models reuse VUs in a loop; arrival-rate executors are open models. */
public sealed interface ExecutorSpec {
  /** The k6 name, e.g. {@code constant-arrival-rate}. */
  String kind();

  /** The longest the executor runs before graceful stop begins. */
  Duration maxDuration();

  /** The most VUs the executor may use (for {@code vus_max}). */
  int maxVus();

  /** {@code vus} VUs loop the flow for {@code duration}. */
  record ConstantVus(int vus, Duration duration) implements ExecutorSpec {
    public ConstantVus {
      positive(vus, "vus");
      Durations.requirePositive(duration, "duration");
    }

    @Override
    public String kind() {
      return "constant-vus";
    }

    @Override
    public Duration maxDuration() {
      return duration;
    }

    @Override
    public int maxVus() {
      return vus;
    }
  }

  /** VUs ramp linearly between stage targets, starting at {@code startVUs}. */
  record RampingVus(int startVus, List<Stage> stages, Duration gracefulRampDown) implements ExecutorSpec {
    public RampingVus {
      if (startVus < 0) {
        throw new IllegalArgumentException("startVUs must not be negative");
      }
      stages = List.copyOf(stages);
      nonEmpty(stages);
      Durations.requireNonNegative(gracefulRampDown, "gracefulRampDown");
    }

    @Override
    public String kind() {
      return "ramping-vus";
    }

    @Override
    public Duration maxDuration() {
      return total(stages);
    }

    @Override
    public int maxVus() {
      long max = startVus;
      for (Stage stage : stages) {
        max = Math.max(max, stage.target());
      }
      return Math.toIntExact(max);
    }
  }

  /** {@code rate} iterations per {@code timeUnit}, started on schedule whatever the response times. */
  record ConstantArrivalRate(long rate, Duration timeUnit, Duration duration, int preAllocatedVus, int maxVus)
      implements ExecutorSpec {
    public ConstantArrivalRate {
      if (rate <= 0) {
        throw new IllegalArgumentException("rate must be positive");
      }
      Durations.requirePositive(timeUnit, "timeUnit");
      Durations.requirePositive(duration, "duration");
      vuPool(preAllocatedVus, maxVus);
    }

    @Override
    public String kind() {
      return "constant-arrival-rate";
    }

    @Override
    public Duration maxDuration() {
      return duration;
    }
  }

  /** The arrival rate ramps linearly between stage targets, starting at {@code startRate}. */
  record RampingArrivalRate(long startRate, Duration timeUnit, List<Stage> stages, int preAllocatedVus, int maxVus)
      implements ExecutorSpec {
    public RampingArrivalRate {
      if (startRate < 0) {
        throw new IllegalArgumentException("startRate must not be negative");
      }
      Durations.requirePositive(timeUnit, "timeUnit");
      stages = List.copyOf(stages);
      nonEmpty(stages);
      vuPool(preAllocatedVus, maxVus);
    }

    @Override
    public String kind() {
      return "ramping-arrival-rate";
    }

    @Override
    public Duration maxDuration() {
      return total(stages);
    }
  }

  /** Each of {@code vus} VUs runs {@code iterations} iterations. */
  record PerVuIterations(int vus, long iterations, Duration maxDuration) implements ExecutorSpec {
    public PerVuIterations {
      positive(vus, "vus");
      if (iterations <= 0) {
        throw new IllegalArgumentException("iterations must be positive");
      }
      Durations.requirePositive(maxDuration, "maxDuration");
    }

    @Override
    public String kind() {
      return "per-vu-iterations";
    }

    @Override
    public int maxVus() {
      return vus;
    }
  }

  /** {@code iterations} iterations shared between {@code vus} VUs. */
  record SharedIterations(int vus, long iterations, Duration maxDuration) implements ExecutorSpec {
    public SharedIterations {
      positive(vus, "vus");
      if (iterations <= 0) {
        throw new IllegalArgumentException("iterations must be positive");
      }
      Durations.requirePositive(maxDuration, "maxDuration");
    }

    @Override
    public String kind() {
      return "shared-iterations";
    }

    @Override
    public int maxVus() {
      return vus;
    }
  }

  private static void positive(int value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }

  private static void nonEmpty(List<Stage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("stages must not be empty");
    }
  }

  private static void vuPool(int preAllocatedVus, int maxVus) {
    if (preAllocatedVus <= 0) {
      throw new IllegalArgumentException("preAllocatedVUs must be positive");
    }
    if (maxVus < preAllocatedVus) {
      throw new IllegalArgumentException("maxVUs must be >= preAllocatedVUs");
    }
  }

  private static Duration total(List<Stage> stages) {
    Duration sum = Duration.ZERO;
    for (Stage stage : stages) {
      sum = sum.plus(stage.duration());
    }
    return sum;
  }
}
