package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.plan.Plans.errorOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Plan;
import org.perfgate.model.Step;

class EnvSubstitutionTest {
  private static final Map<String, String> ENV = Map.of("HOST", "target", "VUS", "7", "EMPTY", "");

  /** The plan name after substitution of {@code value} (written as a double-quoted YAML string). */
  private static String substitutedName(String value) {
    return PlanLoader.parse("name: \"" + value + "\"\n" + PlanLoaderTest.minimal(""), "plan.yaml", ENV).name();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ${HOST}                   | target
      http://${HOST}:80/x       | http://target:80/x
      ${MISSING:-fallback}      | fallback
      ${HOST:-fallback}         | target
      ${EMPTY:-fallback}        | fallback
      `${MISSING:-}x`           | x
      ${MISSING:-a:b/c}         | a:b/c
      $${HOST}                  | ${HOST}
      $$${HOST}                 | $${HOST}
      cost: $5 {}               | cost: $5 {}
      ${HOST}${VUS}             | target7
      """)
  void substitutesVariablesDefaultsAndEscapes(String written, String expected) {
    assertThat(substitutedName(written)).isEqualTo(expected);
  }

  @Test
  void substitutesBeforeTypedConversion() {
    Plan plan = PlanLoader.parse("""
        options:
          scenarios:
            s: { executor: shared-iterations, vus: "${VUS}", iterations: "${ITERATIONS:-20}", maxDuration: "${MAX:-1m}",
                 flow: [ { request: { url: "http://${HOST}/" } } ] }
        """, "plan.yaml", ENV);

    assertThat(plan.scenarios().get(0).executor())
        .isEqualTo(new ExecutorSpec.SharedIterations(7, 20, java.time.Duration.ofMinutes(1)));
    assertThat(((Step.Request) plan.scenarios().get(0).flow().steps().get(0)).name()).isEqualTo("http://target/");
  }

  @Test
  void keepsSetButEmptyVariableWithoutDefault() {
    assertThat(substitutedName("a${EMPTY}b")).isEqualTo("ab");
  }

  @Test
  void leavesKeysAlone() {
    Plan plan = PlanLoader.parse(PlanLoaderTest.minimal("""
          thresholds:
            'http_req_duration{name:${HOST}}': ['p(95)<1']
        """), "plan.yaml", ENV);

    assertThat(plan.thresholds().get(0).metric().tags()).containsEntry("name", "${HOST}");
  }

  @Test
  void rejectsUnsetVariableWithoutDefaultNamingIt() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, vus: "${VUS}", flow: [ { sleep: 1s } ] }
        """, Map.of())).isEqualTo("plan.yaml:3:44: options.scenarios.s.vus: environment variable VUS is not set; set "
        + "it (e.g. -e VUS=...) or give a default: ${VUS:-default}");
  }

  @Test
  void rejectsUnsetVariableInsideAJsonBody() {
    assertThat(errorOf(Plans.withFlow("""
                - request: { url: "http://h/", json: { user: [ "${USER}" ] } }
        """), Map.of())).isEqualTo("plan.yaml:6:56: options.scenarios.s.flow[0].request.json.user[0]: environment "
        + "variable USER is not set; set it (e.g. -e USER=...) or give a default: ${USER:-default}");
  }

  @Test
  void rejectsUnclosedReference() {
    assertThat(errorOf("name: \"${HOST\"\n", ENV)).isEqualTo("plan.yaml:1:7: name: unclosed '${' in '${HOST'; expected "
        + "${NAME} or ${NAME:-default} (write $${ for a literal ${)");
  }

  @Test
  void rejectsInvalidVariableName() {
    assertThat(errorOf("name: \"${1HOST}\"\n", ENV)).isEqualTo("plan.yaml:1:7: name: invalid environment variable "
        + "reference '${1HOST}'; expected ${NAME} or ${NAME:-default} with NAME made of letters, digits and _");
  }
}
