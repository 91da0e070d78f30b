package org.perfgate.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Flow;
import org.perfgate.model.Scenario;

/** {@code options.scenarios}: each scenario's executor, common fields and flow ({@code exec} xor {@code flow}). */
final class ScenarioParser {
  private static final List<String> COMMON_FIELDS =
      List.of("executor", "startTime", "gracefulStop", "env", "tags", "exec", "flow");
  // k6's rule for scenario names; they become the value of the `scenario` tag.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private final Map<String, Flow> namedFlows;

  /**
   * @param namedFlows the top-level {@code flows}, for {@code exec}
   */
  ScenarioParser(Map<String, Flow> namedFlows) {
    this.namedFlows = namedFlows;
  }

  /** At least one scenario, in file order. */
  List<Scenario> parse(Node node, String path) {
    Node.MapNode map = Values.map(node, path);
    if (map.entries().isEmpty()) {
      throw Errors.at(node, path, "expected at least one scenario, e.g. browse: {executor: constant-vus, vus: 10, "
          + "duration: 30s, exec: browse}");
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (Node.Entry entry : map.entries().values()) {
      if (!NAME.matcher(entry.key()).matches()) {
        throw Errors.at(entry.keyLocation(), path, "invalid scenario name '" + entry.key()
            + "'; expected only letters, digits, '_' and '-'");
      }
      scenarios.add(scenario(entry.key(), entry.value(), Errors.child(path, entry.key())));
    }
    return scenarios;
  }

  private Scenario scenario(String name, Node node, String path) {
    Node.MapNode map = Values.map(node, path);
    Node executorNode = map.get("executor").orElseThrow(() -> Errors.at(map.keyLocation(), path,
        "missing required field 'executor'; expected one of " + String.join(", ", ExecutorParser.Kind.names())));
    String executorPath = Errors.child(path, "executor");
    String executorName = Values.text(executorNode, executorPath);
    ExecutorParser.Kind kind = ExecutorParser.Kind.byName(executorName).orElseThrow(() -> Errors.at(executorNode,
        executorPath, Errors.unknown("executor", executorName, ExecutorParser.Kind.names())));

    List<String> allowed = new ArrayList<>(COMMON_FIELDS);
    allowed.addAll(1, kind.fields());
    Fields fields = Fields.of(node, path, allowed, "for executor " + kind.k6Name());
    ExecutorSpec executor = ExecutorParser.parse(kind, fields);
    Duration startTime = fields.get("startTime", Values::nonNegativeDuration, Duration.ZERO);
    Duration gracefulStop = fields.get("gracefulStop", Values::nonNegativeDuration, Scenario.DEFAULT_GRACEFUL_STOP);
    Map<String, String> env = fields.get("env", Values::stringMap, Map.of());
    Map<String, String> tags = fields.get("tags", Values::stringMap, Map.of());
    Flow flow = flow(fields);
    return Errors.build(fields.location(), path,
        () -> new Scenario(name, executor, startTime, gracefulStop, env, tags, flow));
  }

  private Flow flow(Fields fields) {
    String which = fields.exactlyOne(List.of("exec", "flow"), "the flow to run");
    if (which.equals("flow")) {
      return FlowParser.parse(fields.required("flow"), fields.pathOf("flow"));
    }
    Node execNode = fields.required("exec");
    String flowName = Values.nonEmptyText(execNode, fields.pathOf("exec"));
    Flow flow = namedFlows.get(flowName);
    if (flow == null) {
      String message = namedFlows.isEmpty()
          ? "no flow named '" + flowName + "'; the plan has no top-level 'flows' (or write the steps under 'flow')"
          : Errors.unknown("flow", flowName, namedFlows.keySet()) + " (from the top-level 'flows')";
      throw Errors.at(execNode, fields.pathOf("exec"), message);
    }
    return flow;
  }
}
