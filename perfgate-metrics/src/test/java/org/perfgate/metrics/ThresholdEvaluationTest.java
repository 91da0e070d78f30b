package org.perfgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfgate.model.Aggregation;
import org.perfgate.model.Aggregation.Kind;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Threshold;
import org.perfgate.model.Threshold.Operator;
import org.perfgate.model.ThresholdResult;

class ThresholdEvaluationTest {
  private static final MetricKey DURATION = MetricKey.of("http_req_duration");
  private static final MetricKey LOGIN_DURATION =
      MetricKey.of("http_req_duration", Map.of("name", "login"));
  private static final MetricKey REQS = MetricKey.of("http_reqs");
  private static final MetricKey FAILED = MetricKey.of("http_req_failed");
  private static final MetricKey VUS = MetricKey.of("vus");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void evaluatesTrendAggregationsInMilliseconds() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    TrendRecorder duration = registry.trend(DURATION, true);
    for (long millis = 1; millis <= 100; millis++) {
      duration.record(millis * 1000); // 1..100 ms in microseconds
    }
    registry.closeInterval(0);

    // HdrHistogram with 3 significant digits: every aggregate within 0.1% of the exact value.
    assertThat(observed(registry, threshold(DURATION, Aggregation.of(Kind.AVG), Operator.LT, 1)))
        .isCloseTo(50.5, withinPercentage(0.1));
    assertThat(observed(registry, threshold(DURATION, Aggregation.of(Kind.MIN), Operator.LT, 1)))
        .isCloseTo(1.0, withinPercentage(0.1));
    assertThat(observed(registry, threshold(DURATION, Aggregation.of(Kind.MAX), Operator.LT, 1)))
        .isCloseTo(100.0, withinPercentage(0.1));
    assertThat(observed(registry, threshold(DURATION, Aggregation.of(Kind.MED), Operator.LT, 1)))
        .isCloseTo(50.0, withinPercentage(0.1));
    assertThat(observed(registry, threshold(DURATION, Aggregation.percentile(95), Operator.LT, 1)))
        .isCloseTo(95.0, withinPercentage(0.1));
    assertThat(observed(registry, threshold(DURATION, Aggregation.percentile(99.9), Operator.LT, 1)))
        .isCloseTo(100.0, withinPercentage(0.1));

    List<ThresholdResult> results = registry.evaluate(List.of(
        threshold(DURATION, Aggregation.percentile(95), Operator.LT, 96),
        threshold(DURATION, Aggregation.percentile(95), Operator.LT, 94),
        threshold(DURATION, Aggregation.percentile(95), Operator.LE, 95.5),
        threshold(DURATION, Aggregation.of(Kind.MAX), Operator.GT, 101),
        threshold(DURATION, Aggregation.of(Kind.MIN), Operator.GE, 1),
        threshold(DURATION, Aggregation.of(Kind.AVG), Operator.GT, 50),
        threshold(DURATION, Aggregation.of(Kind.MED), Operator.LT, 49)), TEN_SECONDS);

    assertThat(results).extracting(ThresholdResult::ok)
        .containsExactly(true, false, true, false, true, true, false);
  }

  @Test
  void evaluatesCounterCountAndRate() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    registry.counter(REQS).add(250);
    registry.closeInterval(0);

    List<ThresholdResult> results = registry.evaluate(List.of(
        threshold(REQS, Aggregation.of(Kind.COUNT), Operator.GE, 250),
        threshold(REQS, Aggregation.of(Kind.COUNT), Operator.GT, 250),
        threshold(REQS, Aggregation.of(Kind.RATE), Operator.EQ, 25),
        threshold(REQS, Aggregation.of(Kind.RATE), Operator.GT, 30)), TEN_SECONDS);

    assertThat(results).extracting(ThresholdResult::observed).containsExactly(250.0, 250.0, 25.0, 25.0);
    assertThat(results).extracting(ThresholdResult::ok).containsExactly(true, false, true, false);
  }

  @Test
  void evaluatesRateAsTheShareOfNonZeroSamples() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    RateRecorder failed = registry.rate(FAILED);
    for (int i = 0; i < 100; i++) {
      failed.add(i < 3); // 3 failed requests
    }
    registry.closeInterval(0);

    List<ThresholdResult> results = registry.evaluate(List.of(
        threshold(FAILED, Aggregation.of(Kind.RATE), Operator.LT, 0.01),
        threshold(FAILED, Aggregation.of(Kind.RATE), Operator.LT, 0.05)), TEN_SECONDS);

    assertThat(results).extracting(ThresholdResult::observed).containsExactly(0.03, 0.03);
    assertThat(results).extracting(ThresholdResult::ok).containsExactly(false, true);
  }

  @Test
  void evaluatesGaugeValue() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    registry.gauge(VUS).set(12);
    registry.closeInterval(0);

    List<ThresholdResult> results = registry.evaluate(List.of(
        threshold(VUS, Aggregation.of(Kind.VALUE), Operator.EQ, 12),
        threshold(VUS, Aggregation.of(Kind.VALUE), Operator.LT, 10)), TEN_SECONDS);

    assertThat(results).extracting(ThresholdResult::ok).containsExactly(true, false);
  }

  @Test
  void evaluatesSubMetricsOnTheirOwnSamples() {
    Threshold loginP95 = threshold(LOGIN_DURATION, Aggregation.percentile(95), Operator.LT, 200);
    Threshold allP95 = threshold(DURATION, Aggregation.percentile(95), Operator.LT, 200);
    MetricRegistry registry = MetricRegistry.create(List.of(loginP95, allP95));
    assertThat(registry.subMetrics("http_req_duration")).containsExactly(LOGIN_DURATION);

    TrendRecorder all = registry.trend(DURATION, true);
    TrendRecorder login = registry.trend(registry.subMetrics("http_req_duration").get(0), true);
    for (int i = 0; i < 100; i++) {
      all.record(10_000); // 10 ms
    }
    for (int i = 0; i < 10; i++) {
      all.record(500_000); // 500 ms, all of them logins
      login.record(500_000);
    }
    registry.closeInterval(0);

    List<ThresholdResult> results = registry.evaluate(List.of(loginP95, allP95), TEN_SECONDS);

    assertThat(results).extracting(ThresholdResult::observed)
        .allSatisfy(observed -> assertThat(observed).isCloseTo(500.0, withinPercentage(0.1)));
    assertThat(results).extracting(ThresholdResult::ok).containsExactly(false, false);
    Threshold loginMed = threshold(LOGIN_DURATION, Aggregation.of(Kind.MED), Operator.LT, 200);
    Threshold allMed = threshold(DURATION, Aggregation.of(Kind.MED), Operator.LT, 200);
    assertThat(registry.evaluate(List.of(loginMed, allMed), TEN_SECONDS))
        .extracting(ThresholdResult::ok).containsExactly(false, true);
  }

  @Test
  void observesZeroForMetricsWithoutSamples() {
    Threshold loginReqs = threshold(MetricKey.of("http_reqs", Map.of("name", "login")),
        Aggregation.of(Kind.COUNT), Operator.GT, 0);
    Threshold p95 = threshold(LOGIN_DURATION, Aggregation.percentile(95), Operator.LT, 100);
    Threshold custom = threshold(MetricKey.of("my_errors"), Aggregation.of(Kind.COUNT), Operator.LT, 1);
    MetricRegistry registry = MetricRegistry.create(List.of(loginReqs, p95, custom));
    registry.closeInterval(0);

    List<ThresholdResult> results = registry.evaluate(List.of(loginReqs, p95, custom), TEN_SECONDS);

    assertThat(results).extracting(ThresholdResult::observed).containsExactly(0.0, 0.0, 0.0);
    assertThat(results).extracting(ThresholdResult::ok).containsExactly(false, true, true);
  }

  @Test
  void preRegistersThresholdMetricsSoTheyAppearWithoutSamples() {
    Threshold loginReqs = threshold(MetricKey.of("http_reqs", Map.of("name", "login")),
        Aggregation.of(Kind.COUNT), Operator.GT, 0);
    MetricKey customTagged = MetricKey.of("my_trend", Map.of("kind", "a"));
    Threshold custom = threshold(customTagged, Aggregation.of(Kind.AVG), Operator.LT, 1);
    MetricRegistry registry = MetricRegistry.create(List.of(loginReqs, custom));

    assertThat(registry.total(loginReqs.metric(), Duration.ZERO))
        .contains(new MetricValues.Counter(0, 0));
    assertThat(registry.subMetrics("my_trend")).containsExactly(customTagged);
    assertThat(registry.total(customTagged, Duration.ZERO)).isEmpty(); // type unknown yet

    registry.trend(MetricKey.of("my_trend"), false); // the engine creates the custom metric

    registry.closeInterval(0);
    assertThat(registry.series()).extracting(point -> point.key().toString())
        .containsExactly("http_reqs{name:login}", "my_trend", "my_trend{kind:a}");
  }

  @Test
  void rejectsAggregationsThatDoNotApplyToTheMetricType() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    registry.counter(MetricKey.of("my_counter")).add(1);
    Threshold avgOfCounter =
        threshold(MetricKey.of("my_counter"), Aggregation.of(Kind.AVG), Operator.LT, 1);

    assertThatThrownBy(() -> registry.evaluate(List.of(avgOfCounter), TEN_SECONDS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("plan.yaml:3:5: threshold 'avg<1.0' uses avg, which does not apply to"
            + " my_counter, a COUNTER metric");
  }

  private static double observed(MetricRegistry registry, Threshold threshold) {
    return registry.evaluate(List.of(threshold), TEN_SECONDS).get(0).observed();
  }

  private static Threshold threshold(
      MetricKey metric, Aggregation aggregation, Operator operator, double value) {
    return new Threshold(metric, aggregation + operator.symbol() + value, aggregation, operator,
        value, false, Duration.ZERO, new SourceLocation("plan.yaml", 3, 5));
  }
}
