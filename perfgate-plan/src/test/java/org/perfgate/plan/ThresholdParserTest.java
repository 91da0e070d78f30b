package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfgate.plan.Plans.errorOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Threshold;

class ThresholdParserTest {

  /** A valid plan plus {@code thresholds} (entries indented by 4, starting on line 5). */
  private static String withThresholds(String thresholds) {
    return """
        options:
          scenarios:
            s: { executor: per-vu-iterations, flow: [ { sleep: 1s } ] }
          thresholds:
        """ + thresholds;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      p(95)<500        | PERCENTILE | 95    | LT | 500
      p(99.9) <= 1500  | PERCENTILE | 99.9  | LE | 1500
      ' avg > 1.5e2 '  | AVG        | 0     | GT | 150
      min>=0           | MIN        | 0     | GE | 0
      max==-1          | MAX        | 0     | EQ | -1
      med===2          | MED        | 0     | EQ | 2
      count != .5      | COUNT      | 0     | NE | 0.5
      rate<0.01        | RATE       | 0     | LT | 0.01
      value>=+3        | VALUE      | 0     | GE | 3
      """)
  void parsesK6ThresholdExpressions(String text, Aggregation.Kind kind, double percentile, Threshold.Operator operator,
      double value) {
    ThresholdParser.Expression expression = ThresholdParser.Expression.parse(text);

    assertThat(expression)
        .isEqualTo(new ThresholdParser.Expression(new Aggregation(kind, percentile), operator, value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      p95<500      | unknown aggregation 'p95' (did you mean 'p(95)'?); expected '<aggregation> <op> <number>'
      <500         | missing aggregation; expected
      p(95<500     | unclosed 'p('; expected
      p(x)<500     | expected a percentile number in p(N), got 'p(x)'
      p(101)<500   | expected a percentile in (0, 100], got 'p(101)'
      avg 500      | expected an operator (<, <=, >, >=, ==, !=) after 'avg'
      avg =< 500   | expected an operator (<, <=, >, >=, ==, !=) after 'avg'
      avg < 500ms  | expected a number after '<', got '500ms'
      avg <        | expected a number after '<', got ''
      avg < 1e999  | expected a number after '<', got '1e999'
      """)
  void rejectsMalformedExpressionsSayingWhatWasExpected(String text, String reason) {
    assertThatThrownBy(() -> ThresholdParser.Expression.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid threshold '" + text + "': " + reason);
  }

  @Test
  void rejectsInvalidExpressionAtItsLocation() {
    assertThat(errorOf(withThresholds("""
            http_req_duration:
              - 'p(95)<500'
              - 'p95<500'
        """))).isEqualTo("plan.yaml:7:9: options.thresholds.http_req_duration[1]: invalid threshold 'p95<500': unknown "
        + "aggregation 'p95' (did you mean 'p(95)'?); expected '<aggregation> <op> <number>' such as 'p(95)<500' or "
        + "'rate<0.01', with aggregation avg, min, max, med, p(N), count, rate or value and op <, <=, >, >=, == or !=");
  }

  @Test
  void rejectsThresholdOnUnknownMetric() {
    assertThat(errorOf(withThresholds("""
            http_req_duraton: ['p(95)<500']
        """))).startsWith("plan.yaml:5:5: options.thresholds: unknown metric 'http_req_duraton' (did you mean "
        + "'http_req_duration'?); expected one of http_reqs, http_req_duration, http_req_blocked,");
  }

  @Test
  void rejectsAggregationThatDoesNotApplyToTheMetricType() {
    assertThat(errorOf(withThresholds("""
            http_req_failed: ['avg<500']
        """))).isEqualTo("plan.yaml:5:23: options.thresholds.http_req_failed[0]: 'avg' does not apply to "
        + "http_req_failed, a rate metric; expected rate");
    assertThat(errorOf(withThresholds("""
            http_req_duration: ['rate<1']
        """))).isEqualTo("plan.yaml:5:25: options.thresholds.http_req_duration[0]: 'rate' does not apply to "
        + "http_req_duration, a trend metric; expected avg, min, max, med or p(N)");
    assertThat(errorOf(withThresholds("""
            vus: ['count<1']
        """))).isEqualTo("plan.yaml:5:11: options.thresholds.vus[0]: 'count' does not apply to vus, a gauge metric; "
        + "expected value");
  }

  @Test
  void rejectsMalformedTagFilter() {
    assertThat(errorOf(withThresholds("""
            'http_req_duration{name}': ['p(95)<5']
        """))).isEqualTo("plan.yaml:5:5: options.thresholds: invalid tag filter 'name' in 'http_req_duration{name}'; "
        + "expected a tag filter such as http_req_duration{name:login,status:200}");
    assertThat(errorOf(withThresholds("""
            'http_req_duration{name:a': ['p(95)<5']
        """))).startsWith("plan.yaml:5:5: options.thresholds: unclosed '{' in 'http_req_duration{name:a'");
    assertThat(errorOf(withThresholds("""
            'http_reqs{name:a,name:b}': ['count<5']
        """))).isEqualTo("plan.yaml:5:5: options.thresholds: tag 'name' appears twice in 'http_reqs{name:a,name:b}'");
  }

  @Test
  void parsesTagFilterWithSpacesAndColonsInValues() {
    Threshold threshold = Plans.parse(withThresholds("""
            'http_req_duration{ url: http://h/x , status:200 }': ['p(95)<5']
        """)).thresholds().get(0);

    assertThat(threshold.metric()).isEqualTo(MetricKey.of("http_req_duration",
        Map.of("url", "http://h/x", "status", "200")));
  }

  @Test
  void rejectsMisspelledObjectFormField() {
    assertThat(errorOf(withThresholds("""
            checks:
              - treshold: 'rate>0.9'
        """))).isEqualTo("plan.yaml:6:9: options.thresholds.checks[0]: unknown field 'treshold' (did you mean "
        + "'threshold'?); expected one of threshold, abortOnFail, delayAbortEval");
  }

  @Test
  void rejectsInvalidAbortOnFailAndNegativeDelay() {
    assertThat(errorOf(withThresholds("""
            checks:
              - { threshold: 'rate>0.9', abortOnFail: yes please }
        """))).isEqualTo("plan.yaml:6:47: options.thresholds.checks[0].abortOnFail: expected true or false, got "
        + "'yes please'");
    assertThat(errorOf(withThresholds("""
            checks:
              - { threshold: 'rate>0.9', delayAbortEval: -5s }
        """))).isEqualTo("plan.yaml:6:50: options.thresholds.checks[0].delayAbortEval: expected a duration >= 0 such "
        + "as 0s or 30s, got '-5s'");
  }

  @Test
  void rejectsThresholdsThatAreNotAList() {
    assertThat(errorOf(withThresholds("""
            http_req_duration: 'p(95)<500'
        """))).isEqualTo("plan.yaml:5:24: options.thresholds.http_req_duration: expected a list of threshold "
        + "expressions such as ['p(95)<500'], got 'p(95)<500'");
  }

  @Test
  void keepsTimeThresholdValuesInMilliseconds() {
    Threshold threshold = Plans.parse(withThresholds("""
            iteration_duration: ['p(90) < 1500.5']
        """)).thresholds().get(0);

    assertThat(threshold.value()).isEqualTo(1500.5);
    assertThat(threshold.expression()).isEqualTo("p(90) < 1500.5");
  }
}
