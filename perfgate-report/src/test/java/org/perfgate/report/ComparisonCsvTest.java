package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Verdict;

class ComparisonCsvTest {
  @TempDir Path directory;

  @Test
  void writesOneRowPerMetricThenPerBudget() {
    Path file = directory.resolve("comparison.csv");

    Reports.writeComparisonCsv(ComparisonFixtures.full(), file);

    Golden.assertMatches("comparison.csv", Golden.read(file));
  }

  @Test
  void writesOnlyTheHeaderForAComparisonOfNothing() {
    Path file = directory.resolve("empty.csv");

    Reports.writeComparisonCsv(ComparisonFixtures.empty(), file);

    assertThat(Golden.read(file)).isEqualTo(ComparisonCsv.HEADER + "\n");
  }

  @Test
  void quotesFieldsAsRfc4180() {
    MetricKey key = MetricKey.of("my,metric", Map.of("name", "say \"hi\"", "status", "200"));
    MetricComparison metric = ComparisonFixtures.metric(key, "p(95)", "ms",
        ComparisonFixtures.stats(1, 2, 100, 50, 150, 0.01, 10, false, Verdict.REGRESSION));
    BudgetResult budget = new BudgetResult(key, "p(95) < 1ms,\nsays \"ops\"", false, 2, 1, false);

    assertThat(ComparisonCsv.row(metric)).isEqualTo(
        "metric,\"my,metric\",\"name:say \"\"hi\"\",status:200\",p(95),ms,1,2,100,50,150,0.99,0.01,10,5,5,5,false,"
            + "regression,,,,,");
    assertThat(ComparisonCsv.row(ComparisonFixtures.with(List.of(metric), List.of(budget), List.of()), budget))
        .isEqualTo("budget,\"my,metric\",\"name:say \"\"hi\"\",status:200\",,ms,,,,,,,,,,,,,,"
            + "\"p(95) < 1ms,\nsays \"\"ops\"\"\",false,2,1,false");
  }

  @Test
  void writesNotAvailableForNaNAndInfinities() {
    MetricComparison metric = ComparisonFixtures.metric(ComparisonFixtures.DURATION, "p(95)", "ms",
        ComparisonFixtures.stats(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, Double.NaN, 0,
            false, Verdict.INCONCLUSIVE));

    assertThat(ComparisonCsv.row(metric)).startsWith("metric,http_req_duration,,p(95),ms,n/a,n/a,n/a,0,0,0.99,n/a,");
  }
}
