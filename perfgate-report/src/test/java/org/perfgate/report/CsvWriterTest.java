package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.SeriesPoint;

class CsvWriterTest {
  @TempDir Path directory;

  @Test
  void writesOneRowPerSecondAndMetric() {
    Path file = directory.resolve("series.csv");

    Reports.writeCsv(Fixtures.full(), file);

    Golden.assertMatches("series.csv", Golden.read(file));
  }

  @Test
  void writesOnlyTheHeaderForAnEmptySeries() {
    Path file = directory.resolve("empty.csv");

    Reports.writeCsv(Fixtures.empty(), file);

    assertThat(Golden.read(file)).isEqualTo(CsvWriter.HEADER + "\n");
  }

  @Test
  void quotesTagsAsRfc4180() {
    SeriesPoint point = new SeriesPoint(3, MetricKey.of("http_reqs", Map.of("name", "say \"hi\"", "status", "200")),
        new MetricValues.Counter(2, 2));

    assertThat(CsvWriter.row(point)).isEqualTo("3,http_reqs,\"name:say \"\"hi\"\",status:200\",counter,2,2,,,,,,,,,");
  }

  @Test
  void quotesOnlyWhatNeedsIt() {
    assertThat(CsvWriter.quote("name:login")).isEqualTo("name:login");
    assertThat(CsvWriter.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvWriter.quote("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(CsvWriter.quote("")).isEmpty();
  }

  @Test
  void fillsTheColumnsOfEachType() {
    assertThat(CsvWriter.row(new SeriesPoint(0, MetricKey.of("http_req_failed"), new MetricValues.Rate(1, 3))))
        .isEqualTo("0,http_req_failed,,rate,4,0.25,1,,,,,,,,");
    assertThat(CsvWriter.row(new SeriesPoint(0, MetricKey.of("vus"), new MetricValues.Gauge(5, 1, 7))))
        .isEqualTo("0,vus,,gauge,,,5,,1,,7,,,,");
    assertThat(CsvWriter.row(new SeriesPoint(0, MetricKey.of("http_req_duration"),
        Fixtures.timeTrend(3, 1.5, 0.25, 1, 3, 2, 2.5, 2.9, 3))))
        .isEqualTo("0,http_req_duration,,trend,3,,,1.5,0.25,1,3,2,2.5,2.9,3");
  }
}
