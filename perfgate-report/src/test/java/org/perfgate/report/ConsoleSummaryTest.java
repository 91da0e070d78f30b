package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfgate.model.Aggregation;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.Threshold;

class ConsoleSummaryTest {

  @Test
  void rendersFullRunLikeK6() {
    Golden.assertMatches("console-summary.txt", Reports.consoleSummary(Fixtures.full(), false));
  }

  @Test
  void rendersTargetDownRun() {
    Golden.assertMatches("console-summary-target-down.txt", Reports.consoleSummary(Fixtures.targetDown(), false));
  }

  @Test
  void rendersEmptyRun() {
    Golden.assertMatches("console-summary-empty.txt", Reports.consoleSummary(Fixtures.empty(), false));
  }

  @Test
  void colorsOnlyWhenAsked() {
    String colored = Reports.consoleSummary(Fixtures.full(), true);
    String plain = Reports.consoleSummary(Fixtures.full(), false);

    assertThat(plain).doesNotContain("\u001b[");
    assertThat(colored).contains("\u001b[32m✓ status is 200\u001b[0m", "\u001b[31m✗ has token\u001b[0m");
    assertThat(colored.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void indentsSubMetricsUnderTheirParent() {
    List<String> lines = Reports.consoleSummary(Fixtures.full(), false).lines().toList();

    int parent = indexOfLineStartingWith(lines, "    ✗ http_req_duration.");
    assertThat(lines.get(parent + 1)).startsWith("        ✓ 'p(95)<500' p(95)=25.1ms");
    assertThat(lines.get(parent + 2)).startsWith("        ✗ 'p(99)<30' p(99)=40ms");
    assertThat(lines.get(parent + 3)).startsWith("      ✓ { name:checkout }.").endsWith(": [no data]");
    assertThat(lines.get(parent + 4)).isEqualTo("          ✓ 'avg<100' avg=0s");
    assertThat(lines.get(parent + 5)).startsWith("      ✓ { name:login }.");
    assertThat(lines.get(parent + 7)).startsWith("        { name:login,status:200 }.");
  }

  @Test
  void keepsTheFullNameOfASubMetricWithoutItsParent() {
    RunResult run = withMetrics(new MetricResult(MetricKey.of("http_req_duration", Map.of("name", "login")),
        MetricType.TREND, Fixtures.timeTrend(1, 1, 1, 1, 1, 1, 1, 1, 1)));

    assertThat(Reports.consoleSummary(run, false)).contains("\n      http_req_duration{name:login}...: avg=1ms");
  }

  @Test
  void alignsNamesValuesAndTrendColumns() {
    List<String> lines = Reports.consoleSummary(Fixtures.full(), false).lines().toList();
    List<String> metricLines = lines.subList(indexOfLineStartingWith(lines, "  █ METRICS") + 2, lines.size())
        .stream().filter(line -> line.contains(".:")).toList();

    assertThat(metricLines).allSatisfy(line -> assertThat(line.indexOf(".: ")).isEqualTo(35));
    String duration = line(lines, "    ✗ http_req_duration.");
    String blocked = line(lines, "      http_req_blocked.");
    assertThat(duration.indexOf("min=")).isEqualTo(blocked.indexOf("min="));
    assertThat(duration.indexOf("p(99.9)=")).isEqualTo(blocked.indexOf("p(99.9)="));
  }

  @Test
  void formatsEachMetricTypeAsK6() {
    String summary = Reports.consoleSummary(Fixtures.full(), false);

    assertThat(summary)
        .contains("  http_req_blocked..............: avg=523µs   min=2.1µs med=4.2µs   max=12.5ms p(90)=8.5µs")
        .contains("  iteration_duration............: avg=1.2s    min=1s    med=1.1s    max=1m5s   p(90)=1.35s")
        .contains("  cart_items....................: avg=3.5     min=1     med=3       max=12     p(90)=6 ")
        .contains("  data_received.................: 12 MB  412 kB/s")
        .contains("  data_sent.....................: 124 kB 4.1 kB/s")
        .contains("  http_reqs.....................: 1523   50.766667/s")
        .contains("✗ http_req_failed...............: 8.07%  ✓ 123       ✗ 1400")
        .contains("  vus...........................: 10     min=1       max=10");
  }

  @Test
  void marksMetricsByTheirThresholds() {
    String summary = Reports.consoleSummary(Fixtures.full(), false);

    assertThat(summary)
        .contains("    ✓ checks.")
        .contains("        ✓ 'rate>0.95' rate=98.80%")
        .contains("    ✗ http_req_failed.")
        .contains("        ✗ 'rate<0.01' rate=8.07%")
        .contains("      http_reqs.")
        .contains(" thresholds: ✗ 2 of 6 crossed on http_req_duration, http_req_failed");
  }

  @Test
  void showsChecksPerScenarioWithK6DetailLine() {
    String summary = Reports.consoleSummary(Fixtures.full(), false);

    assertThat(summary).contains("""
            scenario: browse
              ✓ status is 200
              ✗ has token
               ↳  97% — ✓ 970 / ✗ 30

            scenario: checkout
              ✓ status is 200
        """);
  }

  @Test
  void listsFailuresByReasonMostFrequentFirst() {
    String summary = Reports.consoleSummary(Fixtures.full(), false);

    assertThat(summary).contains("""
          █ FAILURES

            ✗ http_req_failed by reason: connection refused: 120, status 500: 3
              ↳ 123 of 1523 requests failed (8.07%)
        """);
  }

  @Test
  void makesADownTargetObvious() {
    String summary = Reports.consoleSummary(Fixtures.targetDown(), false);

    assertThat(summary)
        .contains("aborted: threshold 'rate<0.01' on http_req_failed crossed (abortOnFail)")
        .contains("✗ http_req_failed by reason: connection refused: 40")
        .contains("↳ every request failed (40 of 40): is the target up?");
  }

  @Test
  void leavesOutFailuresAndChecksSectionsWhenThereAreNone() {
    String summary = Reports.consoleSummary(Fixtures.empty(), false);

    assertThat(summary).doesNotContain("FAILURES", "CHECKS", "thresholds:").contains("no metrics recorded");
  }

  @Test
  void formatsObservedValueOfCounterRateThresholdPerSecond() {
    RunResult run = new RunResult("p", "p.yaml", Fixtures.STARTED, Duration.ofSeconds(10),
        List.of(Fixtures.metric("data_sent", MetricType.COUNTER, new MetricValues.Counter(20_000, 2_000))),
        List.of(), List.of(Fixtures.threshold(MetricKey.of("data_sent"), "rate<1000",
            Aggregation.of(Aggregation.Kind.RATE), Threshold.Operator.LT, 1000, 2000, 1)),
        List.of(), Map.of(), Optional.empty());

    assertThat(Reports.consoleSummary(run, false)).contains("✗ 'rate<1000' rate=2.0 kB/s");
  }

  private static RunResult withMetrics(MetricResult... metrics) {
    return new RunResult("p", "p.yaml", Fixtures.STARTED, Duration.ofSeconds(1), List.of(metrics), List.of(),
        List.of(), List.of(), Map.of(), Optional.empty());
  }

  private static int indexOfLineStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with '" + prefix + "' in:\n" + String.join("\n", lines));
  }

  private static String line(List<String> lines, String prefix) {
    return lines.get(indexOfLineStartingWith(lines, prefix));
  }
}
