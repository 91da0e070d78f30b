package org.perfgate.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.Aggregation;
import org.perfgate.model.Check;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Extraction;
import org.perfgate.model.Flow;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Plan;
import org.perfgate.model.Scenario;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Step;
import org.perfgate.model.Template;
import org.perfgate.model.Threshold;

/** Small plans built in code for engine tests. */
final class Plans {
  private Plans() {}

  static Step.Request get(String name, String url) {
    return request(name, url, List.of(), List.of());
  }

  static Step.Request request(String name, String url, List<Check> checks, List<Extraction> extracts) {
    return new Step.Request(name, "GET", Template.parse(url), Map.of(), Map.of(), Optional.empty(), checks,
        extracts, Map.of(), Step.StatusRange.K6_DEFAULT);
  }

  static Scenario scenario(String name, ExecutorSpec executor, Duration gracefulStop, Step... steps) {
    return new Scenario(name, executor, Duration.ZERO, gracefulStop, Map.of(), Map.of(), new Flow(List.of(steps)));
  }

  static Plan plan(List<Threshold> thresholds, Scenario... scenarios) {
    return new Plan("test", "<test>", List.of(scenarios), thresholds);
  }

  static Threshold threshold(String metric, Aggregation aggregation, Threshold.Operator op, double value,
      boolean abortOnFail) {
    return new Threshold(MetricKey.of(metric), aggregation + op.symbol() + value, aggregation, op, value,
        abortOnFail, Duration.ZERO, new SourceLocation("<test>", 1, 1));
  }
}
