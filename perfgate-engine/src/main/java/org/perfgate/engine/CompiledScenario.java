package org.perfgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfgate.metrics.CounterRecorder;
import org.perfgate.metrics.TrendRecorder;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Scenario;
import org.perfgate.model.Step;

/** A scenario with its flow compiled: requests prepared, iteration series resolved. */
final class CompiledScenario {
  private final Scenario scenario;
  private final List<Object> steps; // CompiledRequest or Step.Sleep, in flow order
  private final CounterRecorder[] iterations;
  private final TrendRecorder[] iterationDuration;
  private final CounterRecorder[] droppedIterations;
  private final TrendRecorder[] iterationStartLag;
  private final Failures failures;
  private final Map<String, String> processEnv;

  CompiledScenario(Scenario scenario, SampleSinks sinks, Failures failures, Map<String, String> processEnv,
      Map<String, CompiledRequest.CheckCounts> checkCounts) {
    this.scenario = scenario;
    this.failures = failures;
    this.processEnv = Map.copyOf(processEnv);
    List<Object> compiled = new ArrayList<>();
    for (Step step : scenario.flow().steps()) {
      switch (step) {
        case Step.Request request -> compiled.add(new CompiledRequest(request, scenario, sinks, failures, checkCounts));
        case Step.Sleep sleep -> compiled.add(sleep);
      }
    }
    this.steps = List.copyOf(compiled);
    Map<String, String> tags = SampleSinks.with(scenario.tags(), "scenario", scenario.name());
    this.iterations = sinks.counters(BuiltinMetric.ITERATIONS, tags);
    this.iterationDuration = sinks.trends(BuiltinMetric.ITERATION_DURATION, tags, false);
    this.droppedIterations = sinks.counters(BuiltinMetric.DROPPED_ITERATIONS, tags);
    // only open-model executors have intended start times; elsewhere the series would be empty
    boolean arrivalRate = scenario.executor() instanceof ExecutorSpec.ConstantArrivalRate
        || scenario.executor() instanceof ExecutorSpec.RampingArrivalRate;
    this.iterationStartLag = arrivalRate
        ? sinks.trends(BuiltinMetric.ITERATION_START_LAG, tags, false) : new TrendRecorder[0];
  }

  Scenario scenario() {
    return scenario;
  }

  List<Object> steps() {
    return steps;
  }

  CounterRecorder[] iterations() {
    return iterations;
  }

  TrendRecorder[] iterationDuration() {
    return iterationDuration;
  }

  CounterRecorder[] droppedIterations() {
    return droppedIterations;
  }

  /** {@code iteration_start_lag}; no recorders unless the executor is an arrival-rate one. */
  TrendRecorder[] iterationStartLag() {
    return iterationStartLag;
  }

  Failures failures() {
    return failures;
  }

  /** {@code __ENV.NAME}: the scenario's env first, then the process environment. */
  String env(String name) {
    String value = scenario.env().get(name);
    return value != null ? value : processEnv.get(name);
  }
}
