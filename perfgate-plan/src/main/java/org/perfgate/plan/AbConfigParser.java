package org.perfgate.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses the {@code ab:} section of {@code perfgate.yaml} into an {@link AbConfig}. */
final class AbConfigParser {
  private static final List<String> FIELDS =
      List.of("build", "artifact", "start", "env", "ready", "warmup", "firstRequest", "plans", "trials", "tagPattern",
          "mode", "keepBuilds");

  private AbConfigParser() {}

  static AbConfig parse(Node node, String path) {
    Fields fields = Fields.of(node, path, FIELDS);
    String build = fields.required("build", Values::nonEmptyText);
    Optional<String> artifact = fields.optional("artifact", Values::nonEmptyText);
    String start = fields.required("start", Values::nonEmptyText);
    Map<String, String> env = fields.get("env", Values::stringMap, Map.of());
    AbConfig.Readiness ready = fields.required("ready", AbConfigParser::readiness);
    Warmup warmup = fields.get("warmup", AbConfigParser::warmup, new Warmup(Duration.ZERO, 0));
    Optional<String> firstRequest = fields.optional("firstRequest", Values::nonEmptyText);
    List<String> plans = fields.required("plans", AbConfigParser::plans);
    int trials = fields.get("trials", Values::positiveInt, AbConfig.DEFAULT_TRIALS);
    String tagPattern = fields.get("tagPattern", Values::nonEmptyText, AbConfig.DEFAULT_TAG_PATTERN);
    Optional<String> mode = fields.optional("mode", AbConfigParser::mode);
    int keepBuilds = fields.get("keepBuilds", AbConfigParser::keepBuilds, AbConfig.DEFAULT_KEEP_BUILDS);
    return Errors.build(fields.location(), path,
        () -> new AbConfig(build, artifact, start, env, ready, warmup.duration(), warmup.iterations(), firstRequest,
            plans, trials, tagPattern, mode, keepBuilds));
  }

  private record Warmup(Duration duration, long iterations) {}

  /** {@code 30s}, or {@code {duration: 30s}}, or {@code {iterations: 500}}. */
  private static Warmup warmup(Node node, String path) {
    if (node instanceof Node.ScalarNode) {
      return new Warmup(Values.nonNegativeDuration(node, path), 0);
    }
    Fields fields = Fields.of(node, path, List.of("duration", "iterations"));
    String kind = fields.exactlyOne(List.of("duration", "iterations"), "warm-up length");
    return kind.equals("duration")
        ? new Warmup(fields.required("duration", Values::nonNegativeDuration), 0)
        : new Warmup(Duration.ZERO, fields.required("iterations", Values::positiveInt));
  }

  private static String mode(Node node, String path) {
    String mode = Values.nonEmptyText(node, path);
    if (!AbConfig.MODES.contains(mode)) {
      throw Errors.at(node, path, "expected duet or sequential, got '" + mode + "'");
    }
    return mode;
  }

  private static int keepBuilds(Node node, String path) {
    int keep = Values.positiveInt(node, path);
    if (keep < 2) {
      throw Errors.at(node, path, "expected at least 2 (a base and a head), got " + keep);
    }
    return keep;
  }

  private static AbConfig.Readiness readiness(Node node, String path) {
    Fields fields = Fields.of(node, path, List.of("http", "log", "timeout"));
    String kind = fields.exactlyOne(List.of("http", "log"), "readiness probe");
    Duration timeout = fields.get("timeout", Values::positiveDuration, AbConfig.DEFAULT_READY_TIMEOUT);
    String value = fields.required(kind, Values::nonEmptyText);
    return kind.equals("http") ? new AbConfig.Readiness.Http(value, timeout)
        : new AbConfig.Readiness.LogLine(value, timeout);
  }

  /** One file or a list of files. */
  private static List<String> plans(Node node, String path) {
    if (node instanceof Node.ScalarNode) {
      return List.of(Values.nonEmptyText(node, path));
    }
    Node.ListNode list = Values.list(node, path);
    if (list.items().isEmpty()) {
      throw Errors.at(node, path, "expected at least one plan file, got an empty list");
    }
    List<String> plans = new ArrayList<>();
    for (Node item : list.items()) {
      plans.add(Values.nonEmptyText(item, Errors.item(path, plans.size())));
    }
    return plans;
  }
}
