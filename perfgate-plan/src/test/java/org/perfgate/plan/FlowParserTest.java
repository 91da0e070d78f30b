package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.plan.Plans.errorOf;
import static org.perfgate.plan.Plans.withFlow;

import java.util.List;
import java.util.Map;
import org.perfgate.model.Plan;
import org.junit.jupiter.api.Test;
import org.perfgate.model.Check;
import org.perfgate.model.Step;
import org.perfgate.model.Template;

class FlowParserTest {

  private static Step.Request onlyRequest(String flow) {
    return (Step.Request) Plans.parse(withFlow(flow)).scenarios().get(0).flow().steps().get(0);
  }

  @Test
  void rejectsTemplateVariableNoEarlierStepExtracts() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/a
                    extract: { token: { jsonPath: $.t } }
                - request:
                    url: http://h/b
                    headers: { Authorization: "Bearer {{tokn}}" }
        """))).isEqualTo("plan.yaml:11:39: options.scenarios.s.flow[1].request.headers.Authorization: {{tokn}} is not "
        + "defined (did you mean {{token}}?); expected a variable extracted by an earlier request of this flow "
        + "(token) or a built-in: __VU, __ITER, __ENV.NAME");
  }

  @Test
  void rejectsVariableExtractedByTheSameRequest() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/{{id}}
                    extract: { id: { jsonPath: $.id } }
        """))).isEqualTo("plan.yaml:7:18: options.scenarios.s.flow[0].request.url: {{id}} is not defined; expected a "
        + "variable extracted by an earlier request of this flow or a built-in: __VU, __ITER, __ENV.NAME");
  }

  @Test
  void rejectsUndefinedVariableInsideJsonBody() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    json: { items: [ { id: "{{itemId}}" } ] }
        """))).startsWith(
            "plan.yaml:8:36: options.scenarios.s.flow[0].request.json.items[0].id: {{itemId}} is not defined");
  }

  @Test
  void rejectsUndefinedVariableInQueryAndTextBody() {
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", query: { q: "{{term}}" } }
        """))).startsWith("plan.yaml:6:52: options.scenarios.s.flow[0].request.query.q: {{term}} is not defined");
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", body: "id={{__ENV.}}" }
        """))).isEqualTo("plan.yaml:6:46: options.scenarios.s.flow[0].request.body: '{{__ENV.}}' names no variable; "
        + "expected {{__ENV.NAME}}");
  }

  @Test
  void acceptsTemplatedHostButNotTemplatedScheme() {
    assertThat(onlyRequest("""
                - request: { url: "http://{{__ENV.HOST}}:8080/login" }
        """).url().variables()).containsExactly("__ENV.HOST");
    assertThat(errorOf(withFlow("""
                - request: { url: "{{__ENV.BASE}}/login" }
        """))).isEqualTo("plan.yaml:6:27: options.scenarios.s.flow[0].request.url: expected an absolute http:// or "
        + "https:// URL (scheme written out), got '{{__ENV.BASE}}/login'");
  }

  @Test
  void rejectsRelativeUrl() {
    assertThat(errorOf(withFlow("""
                - request: { url: /login }
        """))).isEqualTo("plan.yaml:6:27: options.scenarios.s.flow[0].request.url: expected an absolute http:// or "
        + "https:// URL (scheme written out), got '/login'");
  }

  @Test
  void rejectsRelativeUrlAfterEnvSubstitution() {
    assertThat(errorOf(withFlow("""
                - request: { url: "${BASE_URL:-localhost:8080}/x" }
        """), java.util.Map.of())).isEqualTo("plan.yaml:6:27: options.scenarios.s.flow[0].request.url: expected an "
        + "absolute http:// or https:// URL (scheme written out), got 'localhost:8080/x'");
  }

  @Test
  void rejectsUrlWithoutHostOrWithIllegalCharacters() {
    assertThat(errorOf(withFlow("""
                - request: { url: "http:///login" }
        """))).endsWith("got 'http:///login': it has no host");
    assertThat(errorOf(withFlow("""
                - request: { url: "https://h/a b" }
        """))).isEqualTo("plan.yaml:6:27: options.scenarios.s.flow[0].request.url: expected an absolute http:// or "
        + "https:// URL (scheme written out), got 'https://h/a b': Illegal character in path at index 11");
  }

  @Test
  void rejectsMissingUrl() {
    assertThat(errorOf(withFlow("""
                - request: { method: GET }
        """))).isEqualTo("plan.yaml:6:11: options.scenarios.s.flow[0].request: missing required field 'url'");
  }

  @Test
  void rejectsJsonAndBodyTogether() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    json: {a: 1}
                    body: x
        """))).isEqualTo("plan.yaml:9:13: options.scenarios.s.flow[0].request: set either 'json' or 'body', not both");
  }

  @Test
  void rejectsJsonValueJsonCannotHold() {
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", json: { a: .inf } }
        """))).isEqualTo("plan.yaml:6:51: options.scenarios.s.flow[0].request.json.a: expected a value JSON can hold, "
        + "got '.inf'");
  }

  @Test
  void rejectsInvalidMethodAndUppercasesValidOnes() {
    assertThat(onlyRequest("""
                - request: { url: "http://h/", method: patch }
        """).method()).isEqualTo("PATCH");
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", method: "GE T" }
        """))).isEqualTo("plan.yaml:6:48: options.scenarios.s.flow[0].request.method: expected an HTTP method such as "
        + "GET, POST, PUT or DELETE, got 'GE T'");
  }

  @Test
  void rejectsInvalidHeaderName() {
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", headers: { "X Token": a } }
        """))).isEqualTo("plan.yaml:6:51: options.scenarios.s.flow[0].request.headers: invalid header name 'X Token'; "
        + "expected letters, digits and - (e.g. Content-Type)");
  }

  @Test
  void rejectsInvertedExpectedStatuses() {
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", expectedStatuses: { from: 400, to: 200 } }
        """))).isEqualTo("plan.yaml:6:75: options.scenarios.s.flow[0].request.expectedStatuses.to: expected a status "
        + ">= from (400), got '200'");
    assertThat(errorOf(withFlow("""
                - request: { url: "http://h/", expectedStatuses: { from: 200, to: 700 } }
        """))).isEqualTo("plan.yaml:6:75: options.scenarios.s.flow[0].request.expectedStatuses.to: expected an HTTP "
        + "status code (100-599), got '700'");
  }

  @Test
  void rejectsInvalidExtractRegex() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    extract:
                      id: { regex: 'id=(\\d+' }
        """))).isEqualTo("plan.yaml:9:28: options.scenarios.s.flow[0].request.extract.id.regex: expected a valid "
        + "regular expression, got 'id=(\\d+': Unclosed group near index 7");
  }

  @Test
  void rejectsExtractWithTwoSourcesOrNone() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    extract:
                      id: { jsonPath: $.id, header: X-Id }
        """))).isEqualTo("plan.yaml:9:37: options.scenarios.s.flow[0].request.extract.id: set either 'jsonPath' or "
        + "'header', not both");
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    extract:
                      id: {}
        """))).isEqualTo("plan.yaml:9:15: options.scenarios.s.flow[0].request.extract.id: missing where to extract "
        + "from; expected one of jsonPath, header, regex");
  }

  @Test
  void rejectsReservedOrInvalidExtractVariableName() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    extract: { __VU: { header: X } }
        """))).isEqualTo("plan.yaml:8:24: options.scenarios.s.flow[0].request.extract: invalid variable name '__VU'; "
        + "expected letters, digits and _, not starting with a digit or __ (reserved for built-ins)");
  }

  @Test
  void rejectsJsonPathNotStartingWithDollar() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    extract: { t: { jsonPath: token } }
        """))).isEqualTo("plan.yaml:8:39: options.scenarios.s.flow[0].request.extract.t.jsonPath: expected a JSONPath "
        + "starting with $ (e.g. $.token), got 'token'");
  }

  @Test
  void rejectsJsonPathCheckWithBothEqualsAndExists() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - jsonPath: $.token
                        equals: 1
                        exists: true
        """))).isEqualTo("plan.yaml:11:17: options.scenarios.s.flow[0].request.checks[0].exists: give either 'equals' "
        + "or 'exists', not both");
  }

  @Test
  void parsesJsonPathExistsChecks() {
    Plan plan = PlanLoader.parse(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - jsonPath: $.token
                        exists: true
                      - jsonPath: $.error
                        exists: false
        """), "plan.yaml", Map.of());
    Step.Request request = (Step.Request) plan.scenarios().get(0).flow().steps().get(0);
    assertThat(request.checks()).containsExactly(new Check.JsonPathExists("$.token exists", "$.token", true),
        new Check.JsonPathExists("$.error does not exist", "$.error", false));
  }

  @Test
  void rejectsJsonPathCheckWithoutEquals() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - jsonPath: $.token
        """))).isEqualTo("plan.yaml:9:17: options.scenarios.s.flow[0].request.checks[0]: missing required field "
        + "'equals'; expected the JSON value $.token must equal (true, 42, \"text\")");
  }

  @Test
  void rejectsMisspelledCheckAndFieldsOfAnotherCheckKind() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - bodycontains: x
        """))).isEqualTo("plan.yaml:9:17: options.scenarios.s.flow[0].request.checks[0]: unknown field 'bodycontains' "
        + "(did you mean 'bodyContains'?); expected one of name, status, header, contains, bodyContains, jsonPath, "
        + "equals, exists");
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - status: 200
                        contains: x
        """))).isEqualTo("plan.yaml:10:17: options.scenarios.s.flow[0].request.checks[0]: unknown field 'contains' for "
        + "a status check; expected one of name, status");
  }

  @Test
  void rejectsCheckWithTwoKindsOrNone() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - { status: 200, bodyContains: ok }
        """))).isEqualTo("plan.yaml:9:32: options.scenarios.s.flow[0].request.checks[0]: set either 'status' or "
        + "'bodyContains', not both");
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks:
                      - { name: nothing }
        """))).isEqualTo("plan.yaml:9:17: options.scenarios.s.flow[0].request.checks[0]: missing what to check; "
        + "expected one of status, header, bodyContains, jsonPath");
  }

  @Test
  void rejectsStatusCheckOutsideHttpRange() {
    assertThat(errorOf(withFlow("""
                - request:
                    url: http://h/
                    checks: [ { status: ok } ]
        """))).isEqualTo("plan.yaml:8:33: options.scenarios.s.flow[0].request.checks[0].status: expected an HTTP "
        + "status code (100-599), got 'ok'");
  }

  @Test
  void keepsJsonLiteralsOfEqualsAsWritten() {
    Step.Request request = onlyRequest("""
                - request:
                    url: http://h/
                    checks:
                      - { jsonPath: $.n, equals: 1.50 }
                      - { jsonPath: $.s, equals: "{{x}}" }
                      - { jsonPath: $.o, equals: { a: [1, null] } }
                      - { jsonPath: $.q, equals: 'say "hi"' }
        """);

    assertThat(request.checks()).extracting(check -> ((Check.JsonPathEquals) check).expectedJson())
        .containsExactly("1.50", "\"{{x}}\"", "{\"a\":[1,null]}", "\"say \\\"hi\\\"\"");
    assertThat(request.checks().get(0).name()).isEqualTo("$.n equals 1.50");
  }

  @Test
  void keepsYamlBooleanLookalikesAsJsonStrings() {
    Step.Request request = onlyRequest("""
                - request: { url: "http://h/", json: { answer: no, on: yes, flag: True, empty: ~ } }
        """);

    assertThat(request.body().orElseThrow().content())
        .isEqualTo(Template.literal("{\"answer\":\"no\",\"on\":\"yes\",\"flag\":true,\"empty\":null}"));
  }

  @Test
  void escapesJsonBodyTextAroundTemplateVariables() {
    Step.Request request = onlyRequest("""
                - request:
                    url: http://h/
                    json: { "quote\\"key": "line\\n{{__VU}}\\"" }
        """);

    assertThat(request.body().orElseThrow().content().parts()).containsExactly(
        new Template.Literal("{\"quote\\\"key\":\"line\\n"), new Template.Variable("__VU"),
        new Template.Literal("\\\"\"}"));
  }

  @Test
  void rejectsStepThatIsNeitherRequestNorSleep() {
    assertThat(errorOf(withFlow("""
                - reqest: { url: http://h/ }
        """))).isEqualTo("plan.yaml:6:11: options.scenarios.s.flow[0]: unknown field 'reqest' (did you mean "
        + "'request'?); expected one of request, sleep");
    assertThat(errorOf(withFlow("""
                - { request: { url: http://h/ }, sleep: 1s }
        """))).isEqualTo("plan.yaml:6:42: options.scenarios.s.flow[0]: set either 'request' or 'sleep', not both");
  }

  @Test
  void rejectsEmptyFlow() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, exec: browse }
        flows:
          browse: []
        """)).isEqualTo("plan.yaml:5:11: flows.browse: expected at least one step (a request or a sleep)");
  }

  @Test
  void rejectsSleepWithMaxBelowMin() {
    assertThat(errorOf(withFlow("""
                - sleep: { min: 2s, max: 1s }
        """))).isEqualTo(
            "plan.yaml:6:34: options.scenarios.s.flow[0].sleep.max: expected a duration >= min (2s), got '1s'");
  }

  @Test
  void rejectsNegativeSleep() {
    assertThat(errorOf(withFlow("""
                - sleep: -1s
        """))).isEqualTo("plan.yaml:6:18: options.scenarios.s.flow[0].sleep: expected a duration >= 0 such as 0s or "
        + "30s, got '-1s'");
  }

  @Test
  void rejectsErrorsInUnusedTopLevelFlowsToo() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, flow: [ { sleep: 1s } ] }
        flows:
          unused:
            - sleep: soon
        """)).isEqualTo("plan.yaml:6:14: flows.unused[0].sleep: expected a duration such as 500ms, 30s, 1m30s or 2h, "
        + "got 'soon'");
  }

  @Test
  void defaultsRequestNameToTheUrlAsWrittenAfterSubstitution() {
    assertThat(onlyRequest("""
                - request:
                    url: "${BASE_URL}/items/{{ __VU }}"
                    tags: { kind: read }
        """)).extracting(Step.Request::name, Step.Request::tags)
        .containsExactly("http://target:8080/items/{{ __VU }}", java.util.Map.of("kind", "read"));
    assertThat(onlyRequest("""
                - request: { url: "http://h/" }
        """).checks()).isEqualTo(List.of());
  }
}
