package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.Aggregation;
import org.perfgate.model.Check;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Extraction;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.Flow;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Plan;
import org.perfgate.model.Scenario;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Stage;
import org.perfgate.model.Step;
import org.perfgate.model.Template;
import org.perfgate.model.Threshold;

class PlanLoaderTest {
  private static final Map<String, String> ENV = Map.of("BASE_URL", "http://target:8080", "HOME", "/root");

  private static final String FULL_PLAN = """
      name: checkout
      options:
        scenarios:
          browse:
            executor: constant-vus
            vus: 10
            duration: 30s
            startTime: 5s
            gracefulStop: 10s
            env: { PAGE_SIZE: "20" }
            tags: { team: shop }
            exec: browse
          ramp:
            executor: ramping-vus
            stages:
              - { duration: 10s, target: 20 }
              - { duration: 1m30s, target: 0 }
            exec: browse
          steady:
            executor: constant-arrival-rate
            rate: 50
            duration: 1m
            preAllocatedVUs: 5
            exec: browse
          buy:
            executor: ramping-arrival-rate
            startRate: 10
            timeUnit: 1m
            preAllocatedVUs: 20
            maxVUs: 100
            stages:
              - { duration: 10s, target: 50 }
            flow:
              - request: { method: post, url: "${BASE_URL}/buy", body: "qty=1" }
          each:
            executor: per-vu-iterations
            exec: browse
          shared:
            executor: shared-iterations
            vus: 2
            iterations: 100
            maxDuration: 1h
            exec: browse
        thresholds:
          http_req_duration: ['p(95)<500', 'p(99.9) <= 1500', 'avg<200']
          http_req_failed: ['rate<0.01']
          'http_req_duration{name:login,status:200}': ['p(99)<800']
          checks:
            - threshold: 'rate>0.99'
              abortOnFail: true
              delayAbortEval: 10s
      flows:
        browse:
          - request:
              name: login
              method: POST
              url: ${BASE_URL}/login
              headers: { Accept: application/json }
              json: { user: alice, n: 42, ok: true, none: null, list: [1, "two"] }
              query: { page: "1" }
              tags: { kind: auth }
              expectedStatuses: { from: 200, to: 299 }
              checks:
                - status: 200
                - header: Content-Type
                - header: Content-Type
                  contains: json
                - bodyContains: token
                - jsonPath: $.ok
                  equals: true
                - name: user is alice
                  jsonPath: $.user
                  equals: alice
              extract:
                token: { jsonPath: $.token }
                session: { header: X-Session }
                id: { regex: 'id=(\\d+)' }
          - sleep: 1s
          - request:
              url: "${BASE_URL}/items/{{id}}?vu={{__VU}}"
              headers: { Authorization: "Bearer {{token}}", X-Iter: "{{__ITER}}" }
              json: { session: "{{session}}", page: "{{__ENV.PAGE_SIZE}}" }
          - sleep: { min: 500ms, max: 2s }
      """;

  @Test
  void loadsEveryExecutorWithK6Defaults() {
    Plan plan = PlanLoader.parse(FULL_PLAN, "plans/checkout.yaml", ENV);

    assertThat(plan.name()).isEqualTo("checkout");
    assertThat(plan.source()).isEqualTo("plans/checkout.yaml");
    assertThat(plan.scenarios()).extracting(Scenario::name)
        .containsExactly("browse", "ramp", "steady", "buy", "each", "shared");
    assertThat(plan.scenarios()).extracting(Scenario::executor).containsExactly(
        new ExecutorSpec.ConstantVus(10, Duration.ofSeconds(30)),
        new ExecutorSpec.RampingVus(1,
            List.of(new Stage(Duration.ofSeconds(10), 20), new Stage(Duration.ofSeconds(90), 0)),
            Duration.ofSeconds(30)),
        new ExecutorSpec.ConstantArrivalRate(50, Duration.ofSeconds(1), Duration.ofMinutes(1), 5, 5),
        new ExecutorSpec.RampingArrivalRate(
            10, Duration.ofMinutes(1), List.of(new Stage(Duration.ofSeconds(10), 50)), 20, 100),
        new ExecutorSpec.PerVuIterations(1, 1, Duration.ofMinutes(10)),
        new ExecutorSpec.SharedIterations(2, 100, Duration.ofHours(1)));
  }

  @Test
  void loadsScenarioCommonFieldsAndMergesEnvOverTheProcessEnvironment() {
    Plan plan = PlanLoader.parse(FULL_PLAN, "checkout.yaml", ENV);
    Scenario browse = plan.scenarios().get(0);
    Scenario ramp = plan.scenarios().get(1);

    assertThat(browse.startTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(browse.gracefulStop()).isEqualTo(Duration.ofSeconds(10));
    assertThat(browse.env()).isEqualTo(Map.of("PAGE_SIZE", "20"));
    assertThat(browse.tags()).isEqualTo(Map.of("team", "shop"));
    assertThat(ramp.startTime()).isEqualTo(Duration.ZERO);
    assertThat(ramp.gracefulStop()).isEqualTo(Scenario.DEFAULT_GRACEFUL_STOP);
    assertThat(ramp.env()).isEmpty();
    assertThat(ramp.tags()).isEmpty();
    assertThat(ramp.flow()).isSameAs(browse.flow());
  }

  @Test
  void loadsRequestWithEveryCheckAndExtractKind() {
    Flow flow = PlanLoader.parse(FULL_PLAN, "checkout.yaml", ENV).scenarios().get(0).flow();
    Step.Request login = (Step.Request) flow.steps().get(0);

    assertThat(login.name()).isEqualTo("login");
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.url()).isEqualTo(Template.literal("http://target:8080/login"));
    assertThat(login.headers()).isEqualTo(Map.of("Accept", Template.literal("application/json")));
    assertThat(login.query()).isEqualTo(Map.of("page", Template.literal("1")));
    assertThat(login.body()).contains(new Step.Body("application/json",
        Template.literal("{\"user\":\"alice\",\"n\":42,\"ok\":true,\"none\":null,\"list\":[1,\"two\"]}"), true));
    assertThat(login.tags()).isEqualTo(Map.of("kind", "auth"));
    assertThat(login.expectedStatuses()).isEqualTo(new Step.StatusRange(200, 299));
    assertThat(login.checks()).containsExactly(
        new Check.Status("status is 200", 200),
        new Check.Header("header Content-Type present", "Content-Type", ""),
        new Check.Header("header Content-Type contains json", "Content-Type", "json"),
        new Check.BodyContains("body contains token", "token"),
        new Check.JsonPathEquals("$.ok equals true", "$.ok", "true"),
        new Check.JsonPathEquals("user is alice", "$.user", "\"alice\""));
    assertThat(login.extracts()).containsExactly(
        new Extraction("token", Extraction.Source.JSON_PATH, "$.token"),
        new Extraction("session", Extraction.Source.HEADER, "X-Session"),
        new Extraction("id", Extraction.Source.REGEX, "id=(\\d+)"));
  }

  @Test
  void loadsTemplatesSleepsAndRequestDefaults() {
    Flow flow = PlanLoader.parse(FULL_PLAN, "checkout.yaml", ENV).scenarios().get(0).flow();
    Step.Request items = (Step.Request) flow.steps().get(2);

    assertThat(flow.steps().get(1)).isEqualTo(new Step.Sleep(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThat(flow.steps().get(3)).isEqualTo(new Step.Sleep(Duration.ofMillis(500), Duration.ofSeconds(2)));
    assertThat(items.name()).isEqualTo("http://target:8080/items/{{id}}?vu={{__VU}}");
    assertThat(items.method()).isEqualTo("GET");
    assertThat(items.url().variables()).containsExactly("id", "__VU");
    assertThat(items.headers().get("Authorization").variables()).containsExactly("token");
    assertThat(items.headers().get("X-Iter").variables()).containsExactly("__ITER");
    assertThat(items.body().orElseThrow().content().parts()).containsExactly(
        new Template.Literal("{\"session\":\""), new Template.Variable("session"),
        new Template.Literal("\",\"page\":\""), new Template.Variable("__ENV.PAGE_SIZE"), new Template.Literal("\"}"));
    assertThat(items.expectedStatuses()).isEqualTo(Step.StatusRange.K6_DEFAULT);
    assertThat(items.checks()).isEmpty();
    assertThat(items.tags()).isEmpty();
  }

  @Test
  void loadsInlineFlowWithTextBody() {
    Scenario buy = PlanLoader.parse(FULL_PLAN, "checkout.yaml", ENV).scenarios().get(3);
    Step.Request request = (Step.Request) buy.flow().steps().get(0);

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.name()).isEqualTo("http://target:8080/buy");
    assertThat(request.body()).contains(new Step.Body("text/plain", Template.literal("qty=1"), false));
  }

  @Test
  void loadsThresholdsInStringAndObjectFormWithTagFilters() {
    List<Threshold> thresholds = PlanLoader.parse(FULL_PLAN, "checkout.yaml", ENV).thresholds();
    MetricKey duration = MetricKey.of("http_req_duration");

    assertThat(thresholds).containsExactly(
        new Threshold(duration, "p(95)<500", Aggregation.percentile(95), Threshold.Operator.LT, 500, false,
            Duration.ZERO, new SourceLocation("checkout.yaml", 45, 25)),
        new Threshold(duration, "p(99.9) <= 1500", Aggregation.percentile(99.9), Threshold.Operator.LE, 1500, false,
            Duration.ZERO, new SourceLocation("checkout.yaml", 45, 38)),
        new Threshold(duration, "avg<200", Aggregation.of(Aggregation.Kind.AVG), Threshold.Operator.LT, 200, false,
            Duration.ZERO, new SourceLocation("checkout.yaml", 45, 57)),
        new Threshold(MetricKey.of("http_req_failed"), "rate<0.01", Aggregation.of(Aggregation.Kind.RATE),
            Threshold.Operator.LT, 0.01, false, Duration.ZERO, new SourceLocation("checkout.yaml", 46, 23)),
        new Threshold(MetricKey.of("http_req_duration", Map.of("name", "login", "status", "200")), "p(99)<800",
            Aggregation.percentile(99), Threshold.Operator.LT, 800, false, Duration.ZERO,
            new SourceLocation("checkout.yaml", 47, 50)),
        new Threshold(MetricKey.of("checks"), "rate>0.99", Aggregation.of(Aggregation.Kind.RATE),
            Threshold.Operator.GT, 0.99, true, Duration.ofSeconds(10), new SourceLocation("checkout.yaml", 49, 20)));
  }

  @Test
  void acceptsK6TripleEqualsAsEquals() {
    String thresholds = "  thresholds: { http_reqs: ['count === 10', 'rate != 2'], vus: ['value>=1'] }\n";
    Plan plan = PlanLoader.parse(minimal(thresholds), "t.yaml", Map.of());

    assertThat(plan.thresholds()).extracting(Threshold::operator)
        .containsExactly(Threshold.Operator.EQ, Threshold.Operator.NE, Threshold.Operator.GE);
  }

  @Test
  void namesThePlanAfterTheFileWhenItHasNoName(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("smoke.test.yaml");
    Files.writeString(file, minimal(""));

    Plan plan = PlanLoader.load(file, Map.of());

    assertThat(plan.name()).isEqualTo("smoke.test");
    assertThat(plan.source()).isEqualTo(file.toString());
  }

  @Test
  void reportsErrorsOfALoadedFileWithItsPath(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("bad.yaml");
    Files.writeString(file, "name: [\n");

    assertThatThrownBy(() -> PlanLoader.load(file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":2:1: invalid YAML: ")
        .extracting(e -> ((InvalidInputException) e).location())
        .isEqualTo(Optional.of(new SourceLocation(file.toString(), 2, 1)));
  }

  @Test
  void rejectsMissingFileWithoutAStackOfCauses(@TempDir Path directory) {
    Path file = directory.resolve("missing.yaml");

    assertThatThrownBy(() -> PlanLoader.load(file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("plan file not found: " + file)
        .hasNoCause();
  }

  @Test
  void rejectsPlanFileThatIsNotUtf8(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("latin1.yaml");
    Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> PlanLoader.load(file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read plan file " + file + ": it is not UTF-8 text");
  }

  /** A valid plan with one scenario and {@code extra} appended under {@code options}. */
  @Test
  void readsK6ConnectionReuseOptions() {
    String scenario = "  scenarios:\n"
        + "    s: { executor: constant-vus, vus: 1, duration: 1s, flow: [ { request: { url: \"http://h/\" } } ] }\n";
    assertThat(PlanLoader.parse("options:\n" + scenario, "t.yaml", Map.of()).connectionReuse())
        .isEqualTo(ConnectionReuse.ALWAYS);
    assertThat(PlanLoader.parse("options:\n  noVUConnectionReuse: true\n" + scenario, "t.yaml", Map.of())
        .connectionReuse()).isEqualTo(ConnectionReuse.WITHIN_ITERATION);
    assertThat(PlanLoader.parse("options:\n  noConnectionReuse: true\n  noVUConnectionReuse: true\n" + scenario,
        "t.yaml", Map.of()).connectionReuse()).isEqualTo(ConnectionReuse.NEVER);
    assertThatThrownBy(() -> PlanLoader.parse("options:\n  noConnectionReuse: sometimes\n" + scenario, "t.yaml",
        Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("t.yaml:2:22: ")
        .hasMessageContaining("options.noConnectionReuse");
  }

  static String minimal(String extra) {
    return """
        options:
          scenarios:
            s: { executor: constant-vus, vus: 1, duration: 1s, flow: [ { request: { url: "http://h/" } } ] }
        """ + extra;
  }
}
