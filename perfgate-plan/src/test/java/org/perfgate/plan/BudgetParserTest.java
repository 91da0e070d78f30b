package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfgate.model.Aggregation;
import org.perfgate.model.Budget;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Threshold;

class BudgetParserTest {
  private static PerfgateConfig config(String yaml) {
    return ConfigLoader.parse(yaml, "perfgate.yaml", Map.of("P95", "300"));
  }

  private static String errorOf(String yaml) {
    try {
      config(yaml);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void parsesAbsoluteBudgetsInTheMetricsDisplayUnit() {
    List<Budget> budgets = config("""
        budgets:
          'http_req_duration{name:search}': ['p(95) < 250ms', 'p(99) < 1.5s', 'med <= ${P95}']
          http_req_failed: ['rate < 1%']
          http_reqs: ['rate > 100/s']
        """).budgets();

    assertThat(budgets).extracting(Budget::limit).containsExactly(250.0, 1500.0, 300.0, 0.01, 100.0);
    Budget search = budgets.get(0);
    assertThat(search.metric()).isEqualTo(MetricKey.of("http_req_duration", Map.of("name", "search")));
    assertThat(search.kind()).isEqualTo(Budget.Kind.ABSOLUTE);
    assertThat(search.aggregation()).isEqualTo(Aggregation.percentile(95));
    assertThat(search.operator()).isEqualTo(Threshold.Operator.LT);
    assertThat(search.location().line()).isEqualTo(2);
  }

  @Test
  void parsesBudgetsOnTheSystemUnderTestsMetrics() {
    List<Budget> budgets = config("""
        budgets:
          sut_time_to_ready: ['med regression <= 5%', 'med < 2s']
          sut_rss_peak: ['value < 512000000']
          sut_cpu: ['count regression <= 10%']
        """).budgets();

    assertThat(budgets).extracting(budget -> budget.metric().name())
        .containsExactly("sut_time_to_ready", "sut_time_to_ready", "sut_rss_peak", "sut_cpu");
    assertThat(budgets).extracting(Budget::kind).containsExactly(Budget.Kind.RELATIVE, Budget.Kind.ABSOLUTE,
        Budget.Kind.ABSOLUTE, Budget.Kind.RELATIVE);
    assertThat(budgets.get(1).limit()).isEqualTo(2000.0);
    assertThat(budgets.get(2).aggregation()).isEqualTo(Aggregation.of(Aggregation.Kind.VALUE));
  }

  @Test
  void parsesRelativeBudgetsWithTheirDirection() {
    List<Budget> budgets = config("""
        budgets:
          http_req_duration: ['p(95) regression <= 10%']
          http_reqs: ['throughput drop <= 5%']
        """).budgets();

    assertThat(budgets).extracting(Budget::kind).containsOnly(Budget.Kind.RELATIVE);
    assertThat(budgets).extracting(Budget::tolerancePercent).containsExactly(10.0, 5.0);
    assertThat(budgets).extracting(Budget::higherIsBetter).containsExactly(false, true);
    assertThat(budgets.get(1).aggregation()).isEqualTo(Aggregation.of(Aggregation.Kind.RATE));
  }

  @Test
  void profilesReplaceBudgetsOnTheSameTargetAndKeepTheRest() {
    PerfgateConfig config = config("""
        project: shop
        store: postgresql://perf@127.0.0.1:5432/perf
        labels: { runner: ci-large }
        budgets:
          http_req_duration: ['p(95) < 250ms', 'p(95) regression <= 10%']
        profiles:
          large:
            budgets:
              http_req_duration: ['p(95) < 400ms']
        """);

    assertThat(config.project()).hasValue("shop");
    assertThat(config.store()).hasValue("postgresql://perf@127.0.0.1:5432/perf");
    assertThat(config.labels()).containsEntry("runner", "ci-large");
    assertThat(config.budgets(List.of(), Optional.of("large"))).extracting(Budget::expression)
        .containsExactly("p(95) regression <= 10%", "p(95) < 400ms");
    assertThat(config.budgets(List.of(), Optional.empty())).extracting(Budget::expression)
        .containsExactly("p(95) < 250ms", "p(95) regression <= 10%");
  }

  @Test
  void rejectsAnUnknownProfileNamingTheDefinedOnes() {
    PerfgateConfig config = config("profiles: { small: {}, large: {} }\n");
    assertThatThrownBy(() -> config.budgets(List.of(), Optional.of("huge")))
        .hasMessage("--profile 'huge': not defined in perfgate.yaml; expected one of [large, small]");
  }

  @Test
  void rejectsMalformedBudgetsWithLocationAndExpectation() {
    assertThat(errorOf("""
        budgets:
          http_req_duration: ['p(95) about 250ms']
        """)).startsWith("perfgate.yaml:2:23: budgets.http_req_duration[0]: invalid budget 'p(95) about 250ms': "
            + "expected an absolute budget such as 'p(95) < 250ms'");
    assertThat(errorOf("""
        budgets:
          http_req_duration: ['rate < 5%']
        """)).isEqualTo("perfgate.yaml:2:23: budgets.http_req_duration[0]: 'rate' does not apply to "
            + "http_req_duration, a trend metric");
    assertThat(errorOf("""
        budgets:
          http_req_duration: ['throughput drop <= 5%']
        """)).startsWith("perfgate.yaml:2:23: budgets.http_req_duration[0]: 'throughput drop' applies to counters");
    assertThat(errorOf("""
        budgets:
          http_req_failed: ['rate < 5ms']
        """)).startsWith("perfgate.yaml:2:21: budgets.http_req_failed[0]: unit 'ms' does not fit http_req_failed");
    assertThat(errorOf("""
        budgets:
          http_req_duraton: ['p(95) < 5ms']
        """)).startsWith("perfgate.yaml:2:3: budgets: unknown metric 'http_req_duraton'");
    assertThat(errorOf("""
        budget: {}
        """)).startsWith("perfgate.yaml:1:1: unknown field 'budget' (did you mean 'budgets'?)");
  }

  @Test
  void readsBudgetsFromThePlanToo() {
    var plan = PlanLoader.parse("""
        options:
          scenarios:
            a: { executor: per-vu-iterations, flow: [ { request: { url: "http://h/" } } ] }
        budgets:
          http_req_duration: ['p(95) < 250ms']
        """, "plan.yaml", Map.of());
    assertThat(plan.budgets()).extracting(Budget::expression).containsExactly("p(95) < 250ms");
  }
}
