package org.perfgate.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfgate.model.Extraction;
import org.perfgate.model.Flow;
import org.perfgate.model.Step;

/**
 * Flows: lists of {@code request} and {@code sleep} steps. Tracks which variables earlier requests
 * extract, so a {@code {{var}}} used before it is extracted fails at load time.
 */
final class FlowParser {
  private static final List<String> STEP_KINDS = List.of("request", "sleep");

  private FlowParser() {}

  /** The top-level {@code flows} mapping, name to flow, in file order. */
  static Map<String, Flow> named(Node node, String path) {
    Map<String, Flow> flows = new LinkedHashMap<>();
    for (Node.Entry entry : Values.map(node, path).entries().values()) {
      if (entry.key().isBlank()) {
        throw Errors.at(entry.keyLocation(), path, "expected a flow name, got ''");
      }
      flows.put(entry.key(), parse(entry.value(), Errors.child(path, entry.key())));
    }
    return flows;
  }

  /** One flow: a non-empty list of steps. */
  static Flow parse(Node node, String path) {
    Node.ListNode list = Values.list(node, path);
    if (list.items().isEmpty()) {
      throw Errors.at(list, path, "expected at least one step (a request or a sleep)");
    }
    Set<String> extracted = new LinkedHashSet<>();
    List<Step> steps = new ArrayList<>();
    for (Node item : list.items()) {
      Fields step = Fields.of(item, Errors.item(path, steps.size()), STEP_KINDS);
      String kind = step.exactlyOne(STEP_KINDS, "the step");
      if (kind.equals("request")) {
        Step.Request request = RequestParser.parse(
            step.required("request"), step.pathOf("request"), Collections.unmodifiableSet(extracted));
        for (Extraction extraction : request.extracts()) {
          extracted.add(extraction.variable());
        }
        steps.add(request);
      } else {
        steps.add(sleep(step.required("sleep"), step.pathOf("sleep")));
      }
    }
    return new Flow(steps);
  }

  /** {@code sleep: 1s} (fixed) or {@code sleep: {min: 500ms, max: 2s}} (uniform). */
  private static Step.Sleep sleep(Node node, String path) {
    if (node instanceof Node.ScalarNode) {
      Duration fixed = Values.nonNegativeDuration(node, path);
      return new Step.Sleep(fixed, fixed);
    }
    if (!(node instanceof Node.MapNode)) {
      throw Errors.at(node, path, "expected a duration such as 1s or {min: 500ms, max: 2s}, got " + node.describe());
    }
    Fields fields = Fields.of(node, path, List.of("min", "max"));
    Duration min = fields.required("min", Values::nonNegativeDuration);
    Duration max = fields.required("max", Values::nonNegativeDuration);
    if (max.compareTo(min) < 0) {
      Node maxNode = fields.required("max");
      throw Errors.at(maxNode, fields.pathOf("max"),
          "expected a duration >= min (" + fields.required("min", Values::text) + "), got " + maxNode.describe());
    }
    return Errors.build(fields.location(), path, () -> new Step.Sleep(min, max));
  }
}
