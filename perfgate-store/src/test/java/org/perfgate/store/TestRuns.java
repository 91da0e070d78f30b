package org.perfgate.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.Aggregation;
import org.perfgate.model.CheckResult;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.SourceLocation;
import org.perfgate.model.Threshold;
import org.perfgate.model.ThresholdResult;
import org.perfgate.model.TrendStats;

/** Runs to store: metadata and results with every kind of metric. */
final class TestRuns {
  static final Instant T0 = Instant.parse("2026-11-24T03:15:00.123456789Z");
  static final EnvironmentFingerprint ENVIRONMENT = new EnvironmentFingerprint("Test CPU @ 3.0GHz", 8,
      "Linux 6.1 amd64", "21.0.5", "0.1.0-SNAPSHOT", Map.of("runner", "ci-large", "zone", "b"));

  private TestRuns() {}

  static RunMetadata metadata(String plan, Instant time, String group, int trial) {
    return new RunMetadata("shop", plan, "ab".repeat(32), Optional.of("0123456789abcdef0123456789abcdef01234567"),
        Optional.of("main"), Optional.empty(), time, ENVIRONMENT, group, trial);
  }

  static RunMetadata metadata(String plan, Instant time, String group, int trial, String branch, String tag) {
    return new RunMetadata("shop", plan, "cd".repeat(32), Optional.empty(), Optional.ofNullable(branch),
        Optional.ofNullable(tag), time, ENVIRONMENT, group, trial);
  }

  /** A run with HTTP metrics: {@code requests} http_reqs and a p(95) of {@code p95Millis}. */
  static RunResult result(String plan, double requests, double p95Millis, boolean passed) {
    MetricKey duration = MetricKey.of("http_req_duration");
    TrendStats stats = new TrendStats((long) requests, 0.5, p95Millis * 2, p95Millis / 2, p95Millis / 2,
        p95Millis * 0.9, p95Millis, p95Millis * 1.2, p95Millis * 1.5);
    HistogramSnapshot histogram = new HistogramSnapshot("us", "HISTFAAAACl4nJNpmSzMwMDAxQABzFCaEUzOmNZg/wEi0NzIyMDAxMDExMDAxMDAxMDAxMDAxMDEAADKqQYN");
    Threshold threshold = new Threshold(duration, "p(95)<500", Aggregation.percentile(95), Threshold.Operator.LT, 500,
        false, Duration.ZERO, new SourceLocation("plan.yaml", 12, 7));
    return new RunResult(plan, "plans/" + plan + ".yaml", T0, Duration.ofMillis(30_250),
        List.of(
            new MetricResult(MetricKey.of("data_received"), MetricType.COUNTER, new MetricValues.Counter(123456, 4115.2)),
            new MetricResult(MetricKey.of("http_req_duration"), MetricType.TREND, new MetricValues.Trend(stats, histogram)),
            new MetricResult(MetricKey.of("http_req_duration", Map.of("name", "login", "status", "200")),
                MetricType.TREND, new MetricValues.Trend(stats, histogram)),
            new MetricResult(MetricKey.of("http_req_failed"), MetricType.RATE, new MetricValues.Rate(3, 997)),
            new MetricResult(MetricKey.of("http_reqs"), MetricType.COUNTER,
                new MetricValues.Counter(requests, requests / 30.25)),
            new MetricResult(MetricKey.of("vus"), MetricType.GAUGE, new MetricValues.Gauge(10, 1, 10))),
        List.of(new SeriesPoint(0, MetricKey.of("http_reqs"), new MetricValues.Counter(33, 33)),
            new SeriesPoint(0, duration, new MetricValues.Trend(stats, histogram))),
        List.of(new ThresholdResult(threshold, p95Millis, passed)),
        List.of(new CheckResult("default", "status is 200", 997, 3)),
        Map.of("status 500", 3L),
        Optional.empty());
  }

  /** A run without HTTP metrics (e.g. a JUnit measurement), aborted. */
  static RunResult resultWithoutHttp(String plan, String abortReason) {
    return new RunResult(plan, "plans/" + plan + ".yaml", T0, Duration.ofSeconds(1),
        List.of(new MetricResult(MetricKey.of("iterations"), MetricType.COUNTER, new MetricValues.Counter(5, 5))),
        List.of(), List.of(), List.of(), Map.of(), Optional.of(abortReason));
  }
}
