package org.perfgate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.Aggregation;
import org.perfgate.model.CheckResult;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Threshold;
import org.perfgate.model.ThresholdResult;
import org.perfgate.model.TrendStats;

/** Fixed RunResults for golden files: no clock, no randomness, no real histograms. */
final class Fixtures {
  /**
   * Stands in for an encoded HdrHistogram: perfgate-metrics decodes these, reports only copy them,
   * so any fixed text will do.
   */
  static final String HISTOGRAM = "HISTFAAAACl4nJNpmSzMwMDAxAABzFCaEUzOPQEBcwMACkMBfw==";

  static final Instant STARTED = Instant.parse("2024-05-01T12:00:00Z");

  private Fixtures() {}

  /** A run with every metric type, sub-metrics, passing and failing thresholds, checks and failures. */
  static RunResult full() {
    MetricKey duration = MetricKey.of("http_req_duration");
    MetricKey login = MetricKey.of("http_req_duration", Map.of("name", "login"));
    MetricKey checkout = MetricKey.of("http_req_duration", Map.of("name", "checkout"));
    MetricKey failed = MetricKey.of("http_req_failed");
    MetricKey loginStatus = MetricKey.of("http_req_duration", Map.of("name", "login", "status", "200"));
    return new RunResult(
        "checkout",
        "plans/checkout.yaml",
        STARTED,
        Duration.ofSeconds(30),
        List.of(
            metric("cart_items", MetricType.TREND, plainTrend(1500, 3.5, 1, 3, 12, 6, 7, 9, 12)),
            metric("checks", MetricType.RATE, new MetricValues.Rate(2470, 30)),
            metric("data_received", MetricType.COUNTER, new MetricValues.Counter(12_345_678, 411_522.6)),
            metric("data_sent", MetricType.COUNTER, new MetricValues.Counter(123_456, 4_115.2)),
            metric("http_req_blocked", MetricType.TREND, timeTrend(1523, 0.523, 0.0021, 0.0042, 12.5, 0.0085,
                0.011, 2.4, 9.8)),
            new MetricResult(duration, MetricType.TREND, timeTrend(1523, 12.3, 1.2, 10, 120, 20, 25.1, 40, 80)),
            new MetricResult(loginStatus, MetricType.TREND, timeTrend(700, 15.25, 2.5, 13, 99.9, 24, 28, 45, 90)),
            new MetricResult(login, MetricType.TREND, timeTrend(760, 14.5, 2.5, 12.75, 99.9, 23, 27.5, 44, 88)),
            new MetricResult(failed, MetricType.RATE, new MetricValues.Rate(123, 1400)),
            metric("http_reqs", MetricType.COUNTER, new MetricValues.Counter(1523, 50.766666666666666)),
            metric("iteration_duration", MetricType.TREND, timeTrend(1500, 1203.25, 1001.5, 1100, 65_432.1,
                1350, 1800, 4200.75, 61_000)),
            metric("iterations", MetricType.COUNTER, new MetricValues.Counter(1500, 50)),
            metric("vus", MetricType.GAUGE, new MetricValues.Gauge(10, 1, 10)),
            metric("vus_max", MetricType.GAUGE, new MetricValues.Gauge(10, 10, 10))),
        List.of(
            new SeriesPoint(0, duration, timeTrend(48, 11.5, 1.2, 10, 60, 18, 22, 35, 59.5)),
            new SeriesPoint(0, loginStatus, timeTrend(20, 14, 2.5, 12, 40, 20, 25, 39, 40)),
            new SeriesPoint(0, failed, new MetricValues.Rate(2, 46)),
            new SeriesPoint(0, MetricKey.of("http_reqs"), new MetricValues.Counter(48, 48)),
            new SeriesPoint(0, MetricKey.of("vus"), new MetricValues.Gauge(5, 1, 5)),
            new SeriesPoint(1, duration, timeTrend(52, 12.0625, 1.3, 10.5, 80, 19, 24, 38, 80)),
            new SeriesPoint(1, failed, new MetricValues.Rate(0, 52)),
            new SeriesPoint(1, MetricKey.of("http_reqs"), new MetricValues.Counter(52, 52)),
            new SeriesPoint(1, MetricKey.of("vus"), new MetricValues.Gauge(10, 5, 10))),
        List.of(
            threshold(duration, "p(95)<500", Aggregation.percentile(95), Threshold.Operator.LT, 500, 25.1, 4),
            threshold(duration, "p(99)<30", Aggregation.percentile(99), Threshold.Operator.LT, 30, 40, 5),
            threshold(login, "p(95)<200", Aggregation.percentile(95), Threshold.Operator.LT, 200, 27.5, 7),
            threshold(checkout, "avg<100", Aggregation.of(Aggregation.Kind.AVG), Threshold.Operator.LT, 100, 0, 8),
            threshold(failed, "rate<0.01", Aggregation.of(Aggregation.Kind.RATE), Threshold.Operator.LT, 0.01,
                0.080761654629021668, 10),
            threshold(MetricKey.of("checks"), "rate>0.95", Aggregation.of(Aggregation.Kind.RATE),
                Threshold.Operator.GT, 0.95, 0.988, 12)),
        List.of(
            new CheckResult("browse", "status is 200", 1000, 0),
            new CheckResult("browse", "has token", 970, 30),
            new CheckResult("checkout", "status is 200", 500, 0)),
        Map.of("connection refused", 120L, "status 500", 3L),
        Optional.empty());
  }

  /** A run against a target that never answered: every request failed, nothing else recorded. */
  static RunResult targetDown() {
    return new RunResult(
        "smoke",
        "plans/smoke.yaml",
        STARTED,
        Duration.ofMillis(2_500),
        List.of(
            metric("http_req_failed", MetricType.RATE, new MetricValues.Rate(40, 0)),
            metric("http_reqs", MetricType.COUNTER, new MetricValues.Counter(40, 16))),
        List.of(),
        List.of(threshold(MetricKey.of("http_req_failed"), "rate<0.01", Aggregation.of(Aggregation.Kind.RATE),
            Threshold.Operator.LT, 0.01, 1, 3)),
        List.of(),
        Map.of("connection refused", 40L),
        Optional.of("threshold 'rate<0.01' on http_req_failed crossed (abortOnFail)"));
  }

  /** A run that recorded nothing at all. */
  static RunResult empty() {
    return new RunResult("empty", "plans/empty.yaml", STARTED, Duration.ZERO, List.of(), List.of(), List.of(),
        List.of(), Map.of(), Optional.empty());
  }

  static MetricResult metric(String name, MetricType type, MetricValues values) {
    return new MetricResult(MetricKey.of(name), type, values);
  }

  static MetricValues.Trend timeTrend(long count, double avg, double min, double med, double max, double p90,
      double p95, double p99, double p999) {
    return new MetricValues.Trend(new TrendStats(count, min, max, avg, med, p90, p95, p99, p999),
        new HistogramSnapshot("us", HISTOGRAM));
  }

  static MetricValues.Trend plainTrend(long count, double avg, double min, double med, double max, double p90,
      double p95, double p99, double p999) {
    return new MetricValues.Trend(new TrendStats(count, min, max, avg, med, p90, p95, p99, p999),
        new HistogramSnapshot("", HISTOGRAM));
  }

  static ThresholdResult threshold(MetricKey metric, String expression, Aggregation aggregation,
      Threshold.Operator operator, double limit, double observed, int line) {
    Threshold threshold = new Threshold(metric, expression, aggregation, operator, limit, false, Duration.ZERO,
        new SourceLocation("plans/checkout.yaml", line, 7));
    return new ThresholdResult(threshold, observed, operator.test(observed, limit));
  }
}
