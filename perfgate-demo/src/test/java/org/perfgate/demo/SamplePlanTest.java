package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample plan as text: this module cannot depend on the plan parser, so the CLI's demo test
 * parses and runs it; here we check what the demo service and the docs promise about it.
 */
class SamplePlanTest {
  private final String plan = DemoService.samplePlan();

  @Test
  void loadsFromTheClasspath() {
    assertThat(plan).startsWith("# The sample plan of `perfgate demo`");
    assertThat(getClass().getClassLoader().getResource(DemoService.SAMPLE_PLAN_RESOURCE))
        .isNotNull();
  }

  @Test
  void hasABrowseAndAShopScenario() {
    assertThat(plan)
        .contains("\n    browse:\n      executor: constant-vus\n")
        .contains("\n    shop:\n      executor: constant-arrival-rate\n")
        .contains("startTime: 2s");
  }

  @Test
  void usesBaseUrlWithoutADefault() {
    assertThat(plan).contains("url: ${BASE_URL}/api/fast").doesNotContain("${BASE_URL:-");
  }

  @Test
  void namesEveryRequest() {
    assertThat(matches("\n        name: (.+)\n"))
        .containsExactly("fast", "delay", "login", "create item", "get item", "delete item");
  }

  @Test
  void requestsOnlyEndpointsTheServiceHas() {
    assertThat(matches("url: \\$\\{BASE_URL}(\\S+)"))
        .containsExactly(
            "/api/fast",
            "/api/delay",
            "/api/login",
            "/api/items",
            "/api/items/{{id}}",
            "/api/items/{{id}}");
  }

  @Test
  void extractsEveryVariableBeforeUsingIt() {
    Set<String> extracted = new LinkedHashSet<>();
    for (String line : plan.split("\n")) {
      Matcher used = Pattern.compile("\\{\\{(\\w+)}}").matcher(line);
      while (used.find()) {
        assertThat(extracted).as("extracted before use").contains(used.group(1));
      }
      Matcher extract = Pattern.compile("^\\s+(\\w+): \\{ jsonPath: ").matcher(line);
      if (extract.find()) {
        extracted.add(extract.group(1));
      }
    }
    assertThat(extracted).containsExactly("token", "id");
  }

  @Test
  void setsTheThresholdsOfTheDemo() {
    assertThat(plan)
        .contains("http_req_duration: ['p(95)<500']")
        .contains("'http_req_duration{name:login}': ['p(99)<1000']")
        .contains("checks: ['rate>0.99']")
        .contains(
            "http_req_failed:\n      - 'rate<0.01'\n      - threshold: 'rate<0.5'\n"
                + "        abortOnFail: true\n        delayAbortEval: 5s\n");
  }

  private List<String> matches(String regex) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(plan);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
