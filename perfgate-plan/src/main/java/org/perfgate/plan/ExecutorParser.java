package org.perfgate.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Stage;

/** The six k6 executors: their fields, k6 defaults and cross-field rules. */
final class ExecutorParser {
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final Duration DEFAULT_GRACEFUL_RAMP_DOWN = Duration.ofSeconds(30);

  /** k6 executor names and the fields each takes besides the common scenario fields. */
  enum Kind {
    CONSTANT_VUS("constant-vus", List.of("vus", "duration")),
    RAMPING_VUS("ramping-vus", List.of("startVUs", "stages", "gracefulRampDown")),
    CONSTANT_ARRIVAL_RATE("constant-arrival-rate",
        List.of("rate", "timeUnit", "duration", "preAllocatedVUs", "maxVUs")),
    RAMPING_ARRIVAL_RATE("ramping-arrival-rate",
        List.of("startRate", "timeUnit", "stages", "preAllocatedVUs", "maxVUs")),
    PER_VU_ITERATIONS("per-vu-iterations", List.of("vus", "iterations", "maxDuration")),
    SHARED_ITERATIONS("shared-iterations", List.of("vus", "iterations", "maxDuration"));

    private final String k6Name;
    private final List<String> fields;

    Kind(String k6Name, List<String> fields) {
      this.k6Name = k6Name;
      this.fields = fields;
    }

    String k6Name() {
      return k6Name;
    }

    List<String> fields() {
      return fields;
    }

    static List<String> names() {
      List<String> names = new ArrayList<>();
      for (Kind kind : values()) {
        names.add(kind.k6Name);
      }
      return names;
    }

    static Optional<Kind> byName(String name) {
      for (Kind kind : values()) {
        if (kind.k6Name.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  private ExecutorParser() {}

  /** The executor of a scenario whose fields were already checked against {@code kind.fields()}. */
  static ExecutorSpec parse(Kind kind, Fields fields) {
    return Errors.build(fields.location(), fields.path(), () -> switch (kind) {
      case CONSTANT_VUS -> new ExecutorSpec.ConstantVus(
          fields.required("vus", Values::positiveInt), fields.required("duration", Values::positiveDuration));
      case RAMPING_VUS -> rampingVus(fields);
      case CONSTANT_ARRIVAL_RATE -> {
        long rate = fields.required("rate", Values::positiveLong);
        Duration timeUnit = fields.get("timeUnit", Values::positiveDuration, ONE_SECOND);
        Duration duration = fields.required("duration", Values::positiveDuration);
        int preAllocated = fields.required("preAllocatedVUs", Values::positiveInt);
        yield new ExecutorSpec.ConstantArrivalRate(
            rate, timeUnit, duration, preAllocated, maxVus(fields, preAllocated));
      }
      case RAMPING_ARRIVAL_RATE -> {
        long startRate = fields.get("startRate", Values::nonNegativeLong, 0L);
        Duration timeUnit = fields.get("timeUnit", Values::positiveDuration, ONE_SECOND);
        List<Stage> stages = stages(fields, Values::nonNegativeLong);
        int preAllocated = fields.required("preAllocatedVUs", Values::positiveInt);
        yield new ExecutorSpec.RampingArrivalRate(
            startRate, timeUnit, stages, preAllocated, maxVus(fields, preAllocated));
      }
      case PER_VU_ITERATIONS -> new ExecutorSpec.PerVuIterations(
          fields.get("vus", Values::positiveInt, 1),
          fields.get("iterations", Values::positiveLong, 1L),
          fields.get("maxDuration", Values::positiveDuration, TEN_MINUTES));
      case SHARED_ITERATIONS -> sharedIterations(fields);
    });
  }

  private static ExecutorSpec rampingVus(Fields fields) {
    int startVus = fields.get("startVUs", Values::nonNegativeInt, 1);
    // Targets become VU counts, which are ints in the engine.
    List<Stage> stages = stages(fields, (node, path) -> (long) Values.nonNegativeInt(node, path));
    boolean anyVus = startVus > 0;
    for (Stage stage : stages) {
      anyVus |= stage.target() > 0;
    }
    if (!anyVus) {
      throw Errors.at(fields.keyLocation("stages"), fields.pathOf("stages"),
          "startVUs and every stage target are 0; expected at least one of them to be positive (as k6 requires)");
    }
    return new ExecutorSpec.RampingVus(startVus, stages,
        fields.get("gracefulRampDown", Values::nonNegativeDuration, DEFAULT_GRACEFUL_RAMP_DOWN));
  }

  private static ExecutorSpec sharedIterations(Fields fields) {
    int vus = fields.get("vus", Values::positiveInt, 1);
    long iterations = fields.get("iterations", Values::positiveLong, 1L);
    if (iterations < vus) {
      // k6 rejects this too: some VUs would have nothing to do.
      String blamed = fields.has("iterations") ? "iterations" : "vus";
      throw Errors.at(fields.optional(blamed).orElseThrow().location(), fields.pathOf(blamed),
          "iterations (" + iterations + ") must be at least vus (" + vus + ") for shared-iterations");
    }
    return new ExecutorSpec.SharedIterations(
        vus, iterations, fields.get("maxDuration", Values::positiveDuration, TEN_MINUTES));
  }

  /** maxVUs defaults to preAllocatedVUs and may not be below it. */
  private static int maxVus(Fields fields, int preAllocated) {
    Optional<Node> node = fields.optional("maxVUs");
    if (node.isEmpty()) {
      return preAllocated;
    }
    int maxVus = Values.positiveInt(node.get(), fields.pathOf("maxVUs"));
    if (maxVus < preAllocated) {
      throw Errors.at(node.get(), fields.pathOf("maxVUs"),
          "expected at least preAllocatedVUs (" + preAllocated + "), got '" + maxVus + "'");
    }
    return maxVus;
  }

  private static List<Stage> stages(Fields fields, Fields.Converter<Long> target) {
    Node.ListNode list = Values.list(fields.required("stages"), fields.pathOf("stages"));
    if (list.items().isEmpty()) {
      throw Errors.at(list, fields.pathOf("stages"), "expected at least one stage such as {duration: 30s, target: 10}");
    }
    List<Stage> stages = new ArrayList<>();
    Duration total = Duration.ZERO;
    for (Node item : list.items()) {
      Fields stage =
          Fields.of(item, Errors.item(fields.pathOf("stages"), stages.size()), List.of("duration", "target"));
      Duration duration = stage.required("duration", Values::nonNegativeDuration);
      long stageTarget = stage.required("target", target);
      stages.add(Errors.build(stage.location(), stage.path(), () -> new Stage(duration, stageTarget)));
      total = total.plus(duration);
    }
    if (total.isZero()) {
      throw Errors.at(list, fields.pathOf("stages"),
          "the stages last 0s in total; expected at least one positive duration");
    }
    return stages;
  }
}
