package org.perfgate.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses the {@code ab:} section of {@code perfgate.yaml} into an {@link AbConfig}. */
final class AbConfigParser {
  private static final List<String> FIELDS =
      List.of("build", "artifact", "start", "env", "ready", "warmup", "plans", "trials", "tagPattern");

  private AbConfigParser() {}

  static AbConfig parse(Node node, String path) {
    Fields fields = Fields.of(node, path, FIELDS);
    String build = fields.required("build", Values::nonEmptyText);
    Optional<String> artifact = fields.optional("artifact", Values::nonEmptyText);
    String start = fields.required("start", Values::nonEmptyText);
    Map<String, String> env = fields.get("env", Values::stringMap, Map.of());
    AbConfig.Readiness ready = fields.required("ready", AbConfigParser::readiness);
    Duration warmup = fields.get("warmup", Values::nonNegativeDuration, Duration.ZERO);
    List<String> plans = fields.required("plans", AbConfigParser::plans);
    int trials = fields.get("trials", Values::positiveInt, AbConfig.DEFAULT_TRIALS);
    String tagPattern = fields.get("tagPattern", Values::nonEmptyText, AbConfig.DEFAULT_TAG_PATTERN);
    return Errors.build(fields.location(), path,
        () -> new AbConfig(build, artifact, start, env, ready, warmup, plans, trials, tagPattern));
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
