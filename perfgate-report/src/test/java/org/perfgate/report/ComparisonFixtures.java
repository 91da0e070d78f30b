package org.perfgate.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/** Fixed Comparisons for golden files: every verdict, both kinds of budget, a warning. */
final class ComparisonFixtures {
  static final MetricKey DURATION = MetricKey.of("http_req_duration");
  static final MetricKey LOGIN = MetricKey.of("http_req_duration", Map.of("name", "login"));
  static final MetricKey REQUESTS = MetricKey.of("http_reqs");
  static final MetricKey FAILED = MetricKey.of("http_req_failed");

  static final String ENVIRONMENT_WARNING = "environments differ: baseline ran on AMD EPYC 7763 64-Core Processor"
      + " (4 cores, Linux 6.5.0), current on Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz (4 cores, Linux 6.5.0)";

  private ComparisonFixtures() {}

  /**
   * One regression (p95 duration), one improvement (login median), one no change (request rate),
   * one inconclusive (failure rate), a broken absolute budget, a passing relative one, and a
   * warning about different environments.
   */
  static Comparison full() {
    return new Comparison(
        "checkout",
        base(),
        head(),
        List.of(
            metric(DURATION, "p(95)", "ms", stats(245.31, 275.53, 12.3, 8.1, 16.5, 0.0004, 2.1, false,
                Verdict.REGRESSION)),
            metric(LOGIN, "med", "ms", stats(120.4, 98.72, -18.0, -21.3, -14.9, 0.002, 3.4, false,
                Verdict.IMPROVEMENT)),
            metric(REQUESTS, "rate", "req/s", stats(1234.5, 1240.1, 0.45, -1.2, 2.0, 0.62, 1.8, true,
                Verdict.NO_CHANGE)),
            metric(FAILED, "rate", "%", stats(0.12, 0.31, 158.3, -40.0, 400.0, 0.21, 85.0, false,
                Verdict.INCONCLUSIVE))),
        List.of(
            new BudgetResult(LOGIN, "p(95) < 250ms", false, 262.8, 250, false),
            new BudgetResult(DURATION, "p(95) regression <= 15%", true, 12.3, 15, true)),
        List.of(ENVIRONMENT_WARNING));
  }

  /** The same sides with nothing compared. */
  static Comparison empty() {
    return new Comparison("checkout", base(), head(), List.of(), List.of(), List.of());
  }

  /** {@link #full()} with other metrics, budgets and warnings. */
  static Comparison with(List<MetricComparison> metrics, List<BudgetResult> budgets, List<String> warnings) {
    return new Comparison("checkout", base(), head(), metrics, budgets, warnings);
  }

  static MetricComparison metric(MetricKey key, String statistic, String unit, TrialStatistics statistics) {
    return new MetricComparison(key, statistic, unit, statistics);
  }

  /** Five trials a side, 99 % confidence, ±5 % tolerance. */
  static TrialStatistics stats(double baseMedian, double headMedian, double change, double ciLow, double ciHigh,
      double p, double mde, boolean higherIsBetter, Verdict verdict) {
    return new TrialStatistics(5, 5, baseMedian, headMedian, change, ciLow, ciHigh, 0.99, p, mde, 5.0, higherIsBetter,
        verdict);
  }

  static ComparedSide base() {
    return new ComparedSide("baseline main", "g-base-01",
        List.of("r7f3a01", "r7f3a02", "r7f3a03", "r7f3a04", "r7f3a05"),
        new RunMetadata("shop", "checkout", "9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
            Optional.of("3f2a9c1d0b7e4a5f6c7d8e9fa0b1c2d3e4f5a6b7"), Optional.of("main"), Optional.of("v1.4.0"),
            Instant.parse("2024-05-01T12:00:00Z"),
            new EnvironmentFingerprint("AMD EPYC 7763 64-Core Processor", 4, "Linux 6.5.0 amd64", "21.0.3+9",
                "0.1.0", Map.of("runner", "ci-large")),
            "g-base-01", 1));
  }

  static ComparedSide head() {
    return new ComparedSide("run r1a2b3", "g-head-07",
        List.of("r1a2b3", "r1a2b4", "r1a2b5", "r1a2b6", "r1a2b7"),
        new RunMetadata("shop", "checkout", "9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
            Optional.of("d41e8a7c5b3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d"), Optional.of("feature/faster-login"),
            Optional.empty(), Instant.parse("2024-05-02T09:30:15Z"),
            new EnvironmentFingerprint("Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz", 4, "Linux 6.5.0 amd64",
                "21.0.3+9", "0.1.0", Map.of("runner", "ci-large")),
            "g-head-07", 1));
  }
}
