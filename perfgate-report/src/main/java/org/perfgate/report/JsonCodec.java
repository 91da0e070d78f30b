package org.perfgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.perfgate.model.CheckResult;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.Threshold;
import org.perfgate.model.ThresholdResult;
import org.perfgate.model.TrendStats;

/**
 * The full result file, {@code --out json=FILE}: everything in a {@link RunResult}, read back
 * exactly by {@link JsonReader}. Shape (field order fixed, two-space indent):
 *
 * <pre>{@code
 * { "format": "perfgate-run/1", "planName", "planSource",
 *   "started": "2024-05-01T12:00:00Z",            // ISO-8601 instant, nanoseconds kept
 *   "elapsed": "PT30S",                           // ISO-8601 duration (java.time.Duration), exact
 *   "abortReason": null | "...",
 *   "metrics":    [ { "key": "http_req_duration{name:login}", "name", "tags": {..}, "type": "trend", "values": V } ],
 *   "series":     [ { "second": 0, "key", "name", "tags", "values": V } ],
 *   "thresholds": [ { "key", "name", "tags", "expression", "aggregation": "p(95)", "operator": "<", "value",
 *                     "abortOnFail", "delayAbortEval": "PT0S", "location": {"file", "line", "column"},
 *                     "observed", "ok" } ],
 *   "checks":     [ { "scenario", "name", "passes", "fails" } ],
 *   "failures":   { "connection refused": 120, ... } }       // sorted by reason
 * }</pre>
 *
 * <p>{@code V} has a {@code type} discriminator: {@code {"type":"trend","stats":{count, min, max, avg, med,
 * p90, p95, p99, p999},"histogram":{"unit","compressedBase64"}}}, {@code {"type":"counter","count",
 * "ratePerSecond"}}, {@code {"type":"rate","passes","fails"}} or {@code {"type":"gauge","value","min",
 * "max"}}. Time trends are in milliseconds as in the model. {@code key} is k6's text of the key, for
 * people and jq; readers use the structured {@code name} and {@code tags}. Doubles are written in
 * their shortest exact form (see {@link #number}); NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"}.
 */
final class JsonCodec {
  /** The value of the {@code format} field; bump the number on incompatible changes. */
  static final String FORMAT = "perfgate-run/1";

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonCodec() {}

  static void write(RunResult run, Writer writer) throws IOException {
    try (JsonGenerator json = generator(writer)) {
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("planName", run.planName());
      json.writeStringField("planSource", run.planSource());
      json.writeStringField("started", run.started().toString());
      json.writeStringField("elapsed", run.elapsed().toString());
      json.writeFieldName("abortReason");
      if (run.abortReason().isPresent()) {
        json.writeString(run.abortReason().get());
      } else {
        json.writeNull();
      }
      json.writeArrayFieldStart("metrics");
      for (MetricResult metric : run.metrics()) {
        json.writeStartObject();
        writeKey(json, metric.key());
        json.writeStringField("type", metric.type().name().toLowerCase(Locale.ROOT));
        writeValues(json, metric.values());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("series");
      for (SeriesPoint point : run.series()) {
        json.writeStartObject();
        json.writeNumberField("second", point.second());
        writeKey(json, point.key());
        writeValues(json, point.values());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("thresholds");
      for (ThresholdResult result : run.thresholds()) {
        writeThreshold(json, result);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("checks");
      for (CheckResult check : run.checks()) {
        json.writeStartObject();
        json.writeStringField("scenario", check.scenario());
        json.writeStringField("name", check.name());
        json.writeNumberField("passes", check.passes());
        json.writeNumberField("fails", check.fails());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("failures");
      for (Map.Entry<String, Long> failure : new TreeMap<>(run.failures()).entrySet()) {
        json.writeNumberField(failure.getKey(), failure.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    writer.write('\n');
  }

  /** A generator printing two-space indented JSON with {@code "name": value} and {@code []} for empties. */
  static JsonGenerator generator(Writer writer) throws IOException {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    JsonGenerator json = FACTORY.createGenerator(writer);
    json.setPrettyPrinter(printer);
    // The caller owns the writer (and appends the final newline).
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }

  /** A key as {@code "key"} (k6 text, for people and jq), {@code "name"} and {@code "tags"} fields. */
  static void writeKey(JsonGenerator json, MetricKey key) throws IOException {
    json.writeStringField("key", key.toString());
    json.writeStringField("name", key.name());
    json.writeObjectFieldStart("tags");
    for (Map.Entry<String, String> tag : key.tags().entrySet()) {
      json.writeStringField(tag.getKey(), tag.getValue());
    }
    json.writeEndObject();
  }

  private static void writeValues(JsonGenerator json, MetricValues values) throws IOException {
    json.writeObjectFieldStart("values");
    switch (values) {
      case MetricValues.Trend trend -> {
        json.writeStringField("type", "trend");
        TrendStats stats = trend.stats();
        json.writeObjectFieldStart("stats");
        json.writeNumberField("count", stats.count());
        number(json, "min", stats.min());
        number(json, "max", stats.max());
        number(json, "avg", stats.avg());
        number(json, "med", stats.med());
        number(json, "p90", stats.p90());
        number(json, "p95", stats.p95());
        number(json, "p99", stats.p99());
        number(json, "p999", stats.p999());
        json.writeEndObject();
        json.writeObjectFieldStart("histogram");
        json.writeStringField("unit", trend.histogram().unit());
        json.writeStringField("compressedBase64", trend.histogram().compressedBase64());
        json.writeEndObject();
      }
      case MetricValues.Counter counter -> {
        json.writeStringField("type", "counter");
        number(json, "count", counter.count());
        number(json, "ratePerSecond", counter.ratePerSecond());
      }
      case MetricValues.Rate rate -> {
        json.writeStringField("type", "rate");
        json.writeNumberField("passes", rate.passes());
        json.writeNumberField("fails", rate.fails());
      }
      case MetricValues.Gauge gauge -> {
        json.writeStringField("type", "gauge");
        number(json, "value", gauge.value());
        number(json, "min", gauge.min());
        number(json, "max", gauge.max());
      }
    }
    json.writeEndObject();
  }

  private static void writeThreshold(JsonGenerator json, ThresholdResult result) throws IOException {
    Threshold threshold = result.threshold();
    json.writeStartObject();
    writeKey(json, threshold.metric());
    json.writeStringField("expression", threshold.expression());
    json.writeStringField("aggregation", threshold.aggregation().toString());
    json.writeStringField("operator", threshold.operator().symbol());
    number(json, "value", threshold.value());
    json.writeBooleanField("abortOnFail", threshold.abortOnFail());
    json.writeStringField("delayAbortEval", threshold.delayAbortEval().toString());
    json.writeObjectFieldStart("location");
    json.writeStringField("file", threshold.location().file());
    json.writeNumberField("line", threshold.location().line());
    json.writeNumberField("column", threshold.location().column());
    json.writeEndObject();
    number(json, "observed", result.observed());
    json.writeBooleanField("ok", result.ok());
    json.writeEndObject();
  }

  /**
   * A double as the shortest decimal that reads back to it, in plain notation where that stays
   * short ({@code 12345678}, {@code 0.001}) and Java's exponent notation otherwise; {@code -0.0}
   * keeps its sign; NaN and infinities, which JSON lacks, as strings.
   */
  static void number(JsonGenerator json, String field, double value) throws IOException {
    if (!Double.isFinite(value)) {
      json.writeStringField(field, Double.toString(value));
      return;
    }
    json.writeFieldName(field);
    double magnitude = Math.abs(value);
    if (value == 0) {
      json.writeNumber(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0");
    } else if (magnitude >= 1e-6 && magnitude < 1e21) {
      json.writeNumber(Units.plainShortest(value));
    } else {
      json.writeNumber(Double.toString(value));
    }
  }
}
