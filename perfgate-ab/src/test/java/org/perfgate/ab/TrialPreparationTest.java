package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.Plan;
import org.perfgate.plan.AbConfig;
import org.perfgate.plan.ConfigLoader;
import org.perfgate.plan.PlanLoader;

/** What a trial does before it measures: the first request's choice and the iteration warm-up. */
class TrialPreparationTest {
  private static final int PORT = 4321;
  private static final Map<String, String> ENV = Map.of("BASE_URL", "http://127.0.0.1:" + PORT);

  private static Plan plan(String flow) {
    return PlanLoader.parse("""
        name: p
        options:
          thresholds: { http_req_duration: ['p(95)<100'] }
          scenarios:
            rate:
              executor: constant-arrival-rate
              rate: 100
              duration: 30s
              preAllocatedVUs: 20
              maxVUs: 50
              startTime: 5s
              flow:
        %s
        """.formatted(flow.indent(8).stripTrailing()), "p.yaml", ENV);
  }

  private static AbConfig config(String extra) {
    return ConfigLoader.parse("ab: { build: b, start: s, plans: [p], " + extra + " }\n", "perfgate.yaml", Map.of())
        .ab().orElseThrow();
  }

  @Test
  void firstRequestIsTheConfiguredOneThenThePlansFirstFixedGetThenTheReadinessUrl() {
    Plan plan = plan("""
        - request: { method: POST, url: "${BASE_URL}/login", body: x }
        - request: { url: "${BASE_URL}/items/{{__VU}}" }
        - request: { url: "${BASE_URL}/items" }
        """);
    AbConfig byHttp = config("ready: { http: \"http://127.0.0.1:${PORT}/health\" }");

    assertThat(FirstRequest.url(config("ready: { log: x }, firstRequest: \"${BASE_URL}/warm?x=1\""), plan, PORT))
        .contains(URI.create("http://127.0.0.1:4321/warm?x=1"));
    assertThat(FirstRequest.url(byHttp, plan, PORT)).contains(URI.create("http://127.0.0.1:4321/items"));
    Plan noFixedGet = plan("- request: { url: \"${BASE_URL}/items/{{__VU}}\" }");
    assertThat(FirstRequest.url(byHttp, noFixedGet, PORT)).contains(URI.create("http://127.0.0.1:4321/health"));
    assertThat(FirstRequest.url(config("ready: { log: x }"), noFixedGet, PORT)).isEmpty();
  }

  @Test
  void iterationWarmUpSharesTheIterationsOverTheScenariosVusStartingAtOnceWithoutThresholds() {
    Plan plan = plan("- request: { url: \"${BASE_URL}/items\" }");

    Plan few = WarmUp.iterationsOnly(plan, 5);
    Plan many = WarmUp.iterationsOnly(plan, 500);

    assertThat(few.scenarios().getFirst().executor()).isEqualTo(new ExecutorSpec.SharedIterations(5, 5,
        Duration.ofMinutes(10)));
    assertThat(many.scenarios().getFirst().executor()).isEqualTo(new ExecutorSpec.SharedIterations(50, 500,
        Duration.ofMinutes(10)));
    assertThat(many.scenarios().getFirst().startTime()).isZero();
    assertThat(many.scenarios().getFirst().flow()).isEqualTo(plan.scenarios().getFirst().flow());
    assertThat(many.thresholds()).isEmpty();
  }
}
