package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryExportTest {
  @TempDir Path directory;

  @Test
  void writesK6HandleSummaryData() {
    Path file = directory.resolve("summary.json");

    Reports.writeSummaryExport(Fixtures.full(), file);

    Golden.assertMatches("summary-export.json", Golden.read(file));
  }

  @Test
  void writesEachMetricTypeInK6Shape() throws IOException {
    JsonNode metrics = export(Fixtures.full()).get("metrics");

    JsonNode duration = metrics.get("http_req_duration");
    assertThat(duration.get("type").asText()).isEqualTo("trend");
    assertThat(duration.get("contains").asText()).isEqualTo("time");
    assertThat(duration.get("values").get("p(95)").asDouble()).isEqualTo(25.1);
    assertThat(duration.get("values").get("p(99.9)").asDouble()).isEqualTo(80);
    assertThat(duration.get("thresholds").get("p(95)<500").get("ok").asBoolean()).isTrue();
    assertThat(duration.get("thresholds").get("p(99)<30").get("ok").asBoolean()).isFalse();
    assertThat(metrics.get("http_req_duration{name:login}").get("values").get("med").asDouble()).isEqualTo(12.75);
    assertThat(metrics.get("http_reqs").get("values").toString()).isEqualTo("{\"count\":1523,\"rate\":50.766666666666666}");
    assertThat(metrics.get("http_req_failed").get("values").toString())
        .isEqualTo("{\"rate\":0.08076165462902167,\"passes\":123,\"fails\":1400}");
    assertThat(metrics.get("vus").get("values").toString()).isEqualTo("{\"value\":10,\"min\":1,\"max\":10}");
    assertThat(metrics.get("data_sent").get("contains").asText()).isEqualTo("data");
    assertThat(metrics.get("cart_items").get("contains").asText()).isEqualTo("default");
    assertThat(metrics.get("http_reqs").has("thresholds")).isFalse();
  }

  @Test
  void writesZeroValuesForAThresholdMetricThatRecordedNothing() throws IOException {
    JsonNode checkout = export(Fixtures.full()).get("metrics").get("http_req_duration{name:checkout}");

    assertThat(checkout.get("type").asText()).isEqualTo("trend");
    assertThat(checkout.get("values").get("avg").asDouble()).isZero();
    assertThat(checkout.get("values").get("count").asLong()).isZero();
    assertThat(checkout.get("thresholds").get("avg<100").get("ok").asBoolean()).isTrue();
  }

  @Test
  void putsChecksIntoTheRootGroupWithK6Ids() throws IOException {
    JsonNode root = export(Fixtures.full()).get("root_group");

    assertThat(root.get("id").asText()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    JsonNode status = root.get("checks").get(0);
    assertThat(status.get("name").asText()).isEqualTo("status is 200");
    assertThat(status.get("path").asText()).isEqualTo("::status is 200");
    assertThat(status.get("id").asText()).isEqualTo(SummaryExport.md5Hex("::status is 200"));
    // same-named checks of both scenarios are one check in k6's root group
    assertThat(status.get("passes").asLong()).isEqualTo(1500);
    assertThat(root.get("checks")).hasSize(2);
  }

  @Test
  void statesTheRunDurationInMilliseconds() throws IOException {
    assertThat(export(Fixtures.targetDown()).get("state").get("testRunDurationMs").asDouble()).isEqualTo(2500);
  }

  private JsonNode export(org.perfgate.model.RunResult run) throws IOException {
    Path file = directory.resolve("summary.json");
    Reports.writeSummaryExport(run, file);
    return new ObjectMapper().readTree(file.toFile());
  }
}
