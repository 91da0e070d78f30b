package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.plan.Plans.errorOf;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.perfgate.model.ExecutorSpec;

class ScenarioParserTest {

  @Test
  void rejectsUnknownExecutorSuggestingTheClosest() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              executor: constant-vu
              vus: 1
        """)).isEqualTo("plan.yaml:4:17: options.scenarios.browse.executor: unknown executor 'constant-vu' "
        + "(did you mean 'constant-vus'?); expected one of constant-vus, ramping-vus, constant-arrival-rate, "
        + "ramping-arrival-rate, per-vu-iterations, shared-iterations");
  }

  @Test
  void rejectsMisspelledFieldListingTheExecutorsFields() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              executor: constant-vus
              vu: 10
              duration: 30s
              exec: x
        """)).isEqualTo("plan.yaml:5:7: options.scenarios.browse: unknown field 'vu' for executor constant-vus "
        + "(did you mean 'vus'?); expected one of executor, vus, duration, startTime, gracefulStop, env, tags, exec, "
        + "flow");
  }

  @Test
  void rejectsFieldOfAnotherExecutor() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse: { executor: constant-vus, vus: 1, duration: 1s, rate: 5, exec: x }
        """)).startsWith("plan.yaml:3:61: options.scenarios.browse: unknown field 'rate' for executor constant-vus; "
        + "expected one of executor, vus, duration,");
  }

  @Test
  void rejectsVusThatAreNotANumber() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              executor: constant-vus
              vus: ten
              duration: 30s
              exec: x
        """)).isEqualTo("plan.yaml:5:12: options.scenarios.browse.vus: expected a positive whole number, got 'ten'");
  }

  @Test
  void rejectsZeroVusComingFromAnEnvDefault() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              executor: constant-vus
              vus: ${VUS:-0}
              duration: 30s
              exec: x
        """)).isEqualTo("plan.yaml:5:12: options.scenarios.browse.vus: expected a positive whole number, got '0'");
  }

  @Test
  void rejectsFractionalVus() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse: { executor: per-vu-iterations, vus: 1.5, exec: x }
        """)).isEqualTo("plan.yaml:3:49: options.scenarios.browse.vus: expected a positive whole number, got '1.5'");
  }

  @Test
  void rejectsVusBeyondAnInt() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse: { executor: per-vu-iterations, vus: 3000000000, exec: x }
        """)).isEqualTo("plan.yaml:3:49: options.scenarios.browse.vus: expected a positive whole number up to "
        + "2147483647, got '3000000000'");
  }

  @Test
  void rejectsPlainNumberAsDuration() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              executor: constant-vus
              vus: 1
              duration: 30
              exec: x
        """)).isEqualTo("plan.yaml:6:17: options.scenarios.browse.duration: expected a positive duration such as "
        + "500ms, 30s, 1m30s or 2h, got '30' (a plain number is not a duration: add a unit, e.g. 30s)");
  }

  @Test
  void rejectsZeroDurationWherePositiveIsRequired() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse: { executor: constant-vus, vus: 1, duration: 0s, exec: x }
        """)).isEqualTo("plan.yaml:3:57: options.scenarios.browse.duration: expected a positive duration such as "
        + "500ms or 30s, got '0s'");
  }

  @Test
  void rejectsNegativeStartTime() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse: { executor: constant-vus, vus: 1, duration: 1s, startTime: -1s, exec: x }
        """)).isEqualTo("plan.yaml:3:72: options.scenarios.browse.startTime: expected a duration >= 0 such as 0s or "
        + "30s, got '-1s'");
  }

  @Test
  void rejectsMissingRequiredFieldAtTheScenarioKey() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              executor: constant-vus
              duration: 1s
              exec: x
        """)).isEqualTo("plan.yaml:3:5: options.scenarios.browse: missing required field 'vus'");
  }

  @Test
  void rejectsScenarioWithoutExecutor() {
    assertThat(errorOf("""
        options:
          scenarios:
            browse:
              vus: 1
        """)).isEqualTo("plan.yaml:3:5: options.scenarios.browse: missing required field 'executor'; expected one "
        + "of constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate, per-vu-iterations, "
        + "shared-iterations");
  }

  @Test
  void rejectsMaxVusBelowPreAllocatedVus() {
    assertThat(errorOf("""
        options:
          scenarios:
            buy:
              executor: constant-arrival-rate
              rate: 10
              duration: 1m
              preAllocatedVUs: 10
              maxVUs: 5
              exec: x
        """)).isEqualTo(
            "plan.yaml:8:15: options.scenarios.buy.maxVUs: expected at least preAllocatedVUs (10), got '5'");
  }

  @Test
  void rejectsEmptyStages() {
    assertThat(errorOf("""
        options:
          scenarios:
            ramp:
              executor: ramping-vus
              stages: []
              exec: x
        """)).isEqualTo("plan.yaml:5:15: options.scenarios.ramp.stages: expected at least one stage such as "
        + "{duration: 30s, target: 10}");
  }

  @Test
  void rejectsStagesThatLastNothing() {
    assertThat(errorOf("""
        options:
          scenarios:
            ramp:
              executor: ramping-arrival-rate
              preAllocatedVUs: 1
              stages: [ { duration: 0s, target: 5 } ]
              exec: x
        """)).isEqualTo("plan.yaml:6:15: options.scenarios.ramp.stages: the stages last 0s in total; expected at "
        + "least one positive duration");
  }

  @Test
  void rejectsStageWithMisspelledField() {
    assertThat(errorOf("""
        options:
          scenarios:
            ramp:
              executor: ramping-vus
              stages:
                - { duration: 10s, traget: 5 }
              exec: x
        """)).isEqualTo("plan.yaml:6:28: options.scenarios.ramp.stages[0]: unknown field 'traget' (did you mean "
        + "'target'?); expected one of duration, target");
  }

  @Test
  void rejectsRampingVusThatNeverHasAVu() {
    assertThat(errorOf("""
        options:
          scenarios:
            ramp:
              executor: ramping-vus
              startVUs: 0
              stages: [ { duration: 1s, target: 0 } ]
              exec: x
        """)).isEqualTo("plan.yaml:6:7: options.scenarios.ramp.stages: startVUs and every stage target are 0; expected "
        + "at least one of them to be positive (as k6 requires)");
  }

  @Test
  void rejectsSharedIterationsFewerThanVus() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: shared-iterations, vus: 10, iterations: 5, exec: x }
        """)).isEqualTo("plan.yaml:3:60: options.scenarios.s.iterations: iterations (5) must be at least vus (10) for "
        + "shared-iterations");
  }

  @Test
  void rejectsExecNamingAMissingFlow() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, exec: brwse }
        flows:
          browse: [ { sleep: 1s } ]
          search: [ { sleep: 2s } ]
        """)).isEqualTo("plan.yaml:3:45: options.scenarios.s.exec: unknown flow 'brwse' (did you mean 'browse'?); "
        + "expected one of browse, search (from the top-level 'flows')");
  }

  @Test
  void rejectsExecWhenThePlanHasNoFlows() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, exec: browse }
        """)).isEqualTo("plan.yaml:3:45: options.scenarios.s.exec: no flow named 'browse'; the plan has no top-level "
        + "'flows' (or write the steps under 'flow')");
  }

  @Test
  void rejectsBothExecAndFlow() {
    assertThat(errorOf("""
        options:
          scenarios:
            s:
              executor: per-vu-iterations
              exec: browse
              flow: [ { sleep: 1s } ]
        flows:
          browse: [ { sleep: 1s } ]
        """)).isEqualTo("plan.yaml:6:7: options.scenarios.s: set either 'exec' or 'flow', not both");
  }

  @Test
  void rejectsNeitherExecNorFlow() {
    assertThat(errorOf("""
        options:
          scenarios:
            s:
              executor: per-vu-iterations
        """)).isEqualTo("plan.yaml:3:5: options.scenarios.s: missing the flow to run; expected one of exec, flow");
  }

  @Test
  void rejectsPlanWithoutScenarios() {
    assertThat(errorOf("""
        options:
          scenarios: {}
        """)).isEqualTo("plan.yaml:2:14: options.scenarios: expected at least one scenario, e.g. browse: "
        + "{executor: constant-vus, vus: 10, duration: 30s, exec: browse}");
  }

  @Test
  void rejectsPlanWithoutOptions() {
    assertThat(errorOf("name: smoke\n")).isEqualTo("plan.yaml:1:1: missing required field 'options'");
  }

  @Test
  void rejectsMisspelledTopLevelField() {
    assertThat(errorOf("""
        name: smoke
        option: {}
        """)).isEqualTo("plan.yaml:2:1: unknown field 'option' (did you mean 'options'?); expected one of name, "
        + "options, flows, budgets");
  }

  @Test
  void rejectsScenarioNameK6WouldReject() {
    assertThat(errorOf("""
        options:
          scenarios:
            "my scenario": { executor: per-vu-iterations, exec: x }
        """)).isEqualTo("plan.yaml:3:5: options.scenarios: invalid scenario name 'my scenario'; expected only "
        + "letters, digits, '_' and '-'");
  }

  @Test
  void rejectsTagsThatAreNotAMapping() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, tags: [a, b], exec: x }
        """)).isEqualTo("plan.yaml:3:45: options.scenarios.s.tags: expected a mapping (key: value), got a list");
  }

  @Test
  void quotesMultiLineValuesOnOneLine() {
    assertThat(errorOf("""
        options:
          scenarios:
            s:
              executor: constant-vus
              vus: |
                1
                2
              duration: 1s
              exec: x
        """)).isEqualTo("plan.yaml:5:12: options.scenarios.s.vus: expected a positive whole number, got '1\\n2\\n'");
  }

  @Test
  void appliesArrivalRateDefaults() {
    ExecutorSpec executor = Plans.parse("""
        options:
          scenarios:
            s:
              executor: ramping-arrival-rate
              preAllocatedVUs: 3
              stages: [ { duration: 1s, target: 5 } ]
              flow: [ { sleep: 1s } ]
        """).scenarios().get(0).executor();

    assertThat(executor).isEqualTo(new ExecutorSpec.RampingArrivalRate(0, Duration.ofSeconds(1),
        java.util.List.of(new org.perfgate.model.Stage(Duration.ofSeconds(1), 5)), 3, 3));
  }
}
