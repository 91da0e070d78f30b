package org.perfgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfgate.model.CheckResult;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.ThresholdResult;
import org.perfgate.model.TrendStats;

/**
 * {@code --summary-export FILE}: the data k6 hands to {@code handleSummary(data)} (k6's
 * {@code summarizeMetricsToObject} in {@code js/summary.go}), so tools written for
 * {@code JSON.stringify(data)} read it unchanged:
 *
 * <pre>{@code
 * { "root_group": { "name": "", "path": "", "id": md5(path), "groups": [],
 *                   "checks": [ { "name", "path": "::name", "id": md5(path), "passes", "fails" } ] },
 *   "options": { "summaryTrendStats": [...], "summaryTimeUnit": "", "noColor": false },
 *   "state": { "isStdOutTTY": false, "isStdErrTTY": false, "testRunDurationMs": 30000 },
 *   "metrics": { "http_req_duration{name:login}": { "type": "trend", "contains": "time",
 *                  "values": { "avg", "min", "med", "max", "p(90)", "p(95)", "p(99)", "p(99.9)", "count" },
 *                  "thresholds": { "p(95)<500": { "ok": true } } } } }
 * }</pre>
 *
 * <p>Values per type as k6: counter {@code count, rate} (per second), rate {@code rate, passes,
 * fails}, gauge {@code value, min, max}; time trends in milliseconds.
 *
 * <p>Deviations from k6, all forced by what a RunResult holds: checks of all scenarios go into the
 * root group (perfgate has scenarios, not groups), merged by name as k6 merges same-named checks of
 * one group; {@code noColor} and the TTY flags are {@code false} because they describe the terminal,
 * not the run; a threshold's metric that recorded nothing is written with zero values, as k6's empty
 * sinks are. k6's own {@code --summary-export} flag writes an older, flattened shape (values at the
 * metric's top level, {@code thresholds} as {@code expression: crossed}); perfgate writes the
 * {@code handleSummary} shape instead, which carries strictly more.
 */
final class SummaryExport {
  /** The trend statistics written, as k6's {@code summaryTrendStats} option would name them. */
  static final List<String> TREND_STATS =
      List.of("avg", "min", "med", "max", "p(90)", "p(95)", "p(99)", "p(99.9)", "count");

  private SummaryExport() {}

  static void write(RunResult run, Writer writer) throws IOException {
    try (JsonGenerator json = JsonCodec.generator(writer)) {
      json.writeStartObject();
      rootGroup(json, run.checks());
      json.writeObjectFieldStart("options");
      json.writeArrayFieldStart("summaryTrendStats");
      for (String stat : TREND_STATS) {
        json.writeString(stat);
      }
      json.writeEndArray();
      json.writeStringField("summaryTimeUnit", "");
      json.writeBooleanField("noColor", false);
      json.writeEndObject();
      json.writeObjectFieldStart("state");
      json.writeBooleanField("isStdOutTTY", false);
      json.writeBooleanField("isStdErrTTY", false);
      JsonCodec.number(json, "testRunDurationMs", run.elapsed().toNanos() / 1e6);
      json.writeEndObject();
      json.writeObjectFieldStart("metrics");
      for (MetricRow row : MetricRow.of(run)) {
        metric(json, row);
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    writer.write('\n');
  }

  private static void rootGroup(JsonGenerator json, List<CheckResult> checks) throws IOException {
    Map<String, long[]> merged = new LinkedHashMap<>();
    for (CheckResult check : checks) {
      long[] counts = merged.computeIfAbsent(check.name(), name -> new long[2]);
      counts[0] += check.passes();
      counts[1] += check.fails();
    }
    json.writeObjectFieldStart("root_group");
    json.writeStringField("name", "");
    json.writeStringField("path", "");
    json.writeStringField("id", md5Hex(""));
    json.writeArrayFieldStart("groups");
    json.writeEndArray();
    json.writeArrayFieldStart("checks");
    for (Map.Entry<String, long[]> check : merged.entrySet()) {
      // k6: a check's path is its group's path + "::" + name, its id the MD5 of that path.
      String path = "::" + check.getKey();
      json.writeStartObject();
      json.writeStringField("name", check.getKey());
      json.writeStringField("path", path);
      json.writeStringField("id", md5Hex(path));
      json.writeNumberField("passes", check.getValue()[0]);
      json.writeNumberField("fails", check.getValue()[1]);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void metric(JsonGenerator json, MetricRow row) throws IOException {
    json.writeObjectFieldStart(row.key().toString());
    json.writeStringField("type", row.k6Type());
    json.writeStringField("contains", row.contains().k6Name());
    json.writeObjectFieldStart("values");
    values(json, row.values().orElseGet(() -> empty(row.type())));
    json.writeEndObject();
    if (!row.thresholds().isEmpty()) {
      Map<String, Boolean> thresholds = new LinkedHashMap<>();
      for (ThresholdResult result : row.thresholds()) {
        thresholds.merge(result.threshold().expression(), result.ok(), Boolean::logicalAnd);
      }
      json.writeObjectFieldStart("thresholds");
      for (Map.Entry<String, Boolean> threshold : thresholds.entrySet()) {
        json.writeObjectFieldStart(threshold.getKey());
        json.writeBooleanField("ok", threshold.getValue());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void values(JsonGenerator json, MetricValues values) throws IOException {
    switch (values) {
      case MetricValues.Trend trend -> {
        TrendStats stats = trend.stats();
        JsonCodec.number(json, "avg", stats.avg());
        JsonCodec.number(json, "min", stats.min());
        JsonCodec.number(json, "med", stats.med());
        JsonCodec.number(json, "max", stats.max());
        JsonCodec.number(json, "p(90)", stats.p90());
        JsonCodec.number(json, "p(95)", stats.p95());
        JsonCodec.number(json, "p(99)", stats.p99());
        JsonCodec.number(json, "p(99.9)", stats.p999());
        json.writeNumberField("count", stats.count());
      }
      case MetricValues.Counter counter -> {
        JsonCodec.number(json, "count", counter.count());
        JsonCodec.number(json, "rate", counter.ratePerSecond());
      }
      case MetricValues.Rate rate -> {
        JsonCodec.number(json, "rate", rate.rate());
        json.writeNumberField("passes", rate.passes());
        json.writeNumberField("fails", rate.fails());
      }
      case MetricValues.Gauge gauge -> {
        JsonCodec.number(json, "value", gauge.value());
        JsonCodec.number(json, "min", gauge.min());
        JsonCodec.number(json, "max", gauge.max());
      }
    }
  }

  /** What k6 reports for a metric without samples: its sink's zero values. */
  private static MetricValues empty(MetricType type) {
    return switch (type) {
      case TREND -> new MetricValues.Trend(TrendStats.EMPTY, new HistogramSnapshot("", ""));
      case COUNTER -> new MetricValues.Counter(0, 0);
      case RATE -> new MetricValues.Rate(0, 0);
      case GAUGE -> new MetricValues.Gauge(0, 0, 0);
    };
  }

  static String md5Hex(String text) {
    try {
      // MD5 only because k6's group and check ids are MD5; nothing here is secret.
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
