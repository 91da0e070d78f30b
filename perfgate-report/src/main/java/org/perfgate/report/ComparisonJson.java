package org.perfgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * The comparison file, read back exactly by {@link ComparisonJsonReader}. Shape (field order fixed,
 * two-space indent, numbers and NaN as in {@link JsonCodec}):
 *
 * <pre>{@code
 * { "format": "perfgate-comparison/1", "planName",
 *   "overall": "regression",                  // Comparison.overall(), for jq; ignored when read
 *   "base": SIDE, "head": SIDE,
 *   "metrics": [ { "key", "name", "tags", "statistic": "p(95)", "unit": "ms",
 *                  "statistics": { "baseTrials", "headTrials", "baseMedian", "headMedian", "changePercent",
 *                                  "ciLowPercent", "ciHighPercent", "confidence", "pValue", "mdePercent",
 *                                  "tolerancePercent", "higherIsBetter", "verdict": "no_change" } } ],
 *   "budgets": [ { "key", "name", "tags", "expression", "relative", "observed", "limit", "ok" } ],
 *   "warnings": [ "..." ] }
 * SIDE = { "label", "trialGroup", "runIds": [..],
 *          "metadata": { "project", "planName", "planHash", "gitSha": null | "..", "branch", "tag",
 *                        "time": "2024-05-01T12:00:00Z", "trialGroup", "trial",
 *                        "environment": { "cpuModel", "cores", "os", "jdk", "perfgateVersion",
 *                                         "labels": { .. } } } }     // labels sorted by name
 * }</pre>
 *
 * <p>Verdicts are the enum's names in lower case: {@code regression}, {@code improvement},
 * {@code no_change}, {@code inconclusive}.
 */
final class ComparisonJson {
  /** The value of the {@code format} field; bump the number on incompatible changes. */
  static final String FORMAT = "perfgate-comparison/1";

  private ComparisonJson() {}

  static void write(Comparison comparison, Writer writer) throws IOException {
    try (JsonGenerator json = JsonCodec.generator(writer)) {
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("planName", comparison.planName());
      json.writeStringField("overall", verdict(comparison.overall()));
      side(json, "base", comparison.base());
      side(json, "head", comparison.head());
      json.writeArrayFieldStart("metrics");
      for (MetricComparison metric : comparison.metrics()) {
        metric(json, metric);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("budgets");
      for (BudgetResult budget : comparison.budgets()) {
        json.writeStartObject();
        JsonCodec.writeKey(json, budget.key());
        json.writeStringField("expression", budget.expression());
        json.writeBooleanField("relative", budget.relative());
        JsonCodec.number(json, "observed", budget.observed());
        JsonCodec.number(json, "limit", budget.limit());
        json.writeBooleanField("ok", budget.ok());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("warnings");
      for (String warning : comparison.warnings()) {
        json.writeString(warning);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    writer.write('\n');
  }

  /** {@code no_change}: the enum's name in lower case. */
  static String verdict(Verdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT);
  }

  private static void side(JsonGenerator json, String field, ComparedSide side) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("label", side.label());
    json.writeStringField("trialGroup", side.trialGroup());
    json.writeArrayFieldStart("runIds");
    for (String runId : side.runIds()) {
      json.writeString(runId);
    }
    json.writeEndArray();
    RunMetadata metadata = side.metadata();
    json.writeObjectFieldStart("metadata");
    json.writeStringField("project", metadata.project());
    json.writeStringField("planName", metadata.planName());
    json.writeStringField("planHash", metadata.planHash());
    optional(json, "gitSha", metadata.gitSha());
    optional(json, "branch", metadata.branch());
    optional(json, "tag", metadata.tag());
    json.writeStringField("time", metadata.time().toString());
    json.writeStringField("trialGroup", metadata.trialGroup());
    json.writeNumberField("trial", metadata.trial());
    EnvironmentFingerprint environment = metadata.environment();
    json.writeObjectFieldStart("environment");
    json.writeStringField("cpuModel", environment.cpuModel());
    json.writeNumberField("cores", environment.cores());
    json.writeStringField("os", environment.os());
    json.writeStringField("jdk", environment.jdk());
    json.writeStringField("perfgateVersion", environment.perfgateVersion());
    json.writeObjectFieldStart("labels");
    for (Map.Entry<String, String> label : new TreeMap<>(environment.labels()).entrySet()) {
      json.writeStringField(label.getKey(), label.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, Optional<String> value) throws IOException {
    json.writeFieldName(field);
    if (value.isPresent()) {
      json.writeString(value.get());
    } else {
      json.writeNull();
    }
  }

  private static void metric(JsonGenerator json, MetricComparison metric) throws IOException {
    json.writeStartObject();
    JsonCodec.writeKey(json, metric.key());
    json.writeStringField("statistic", metric.statistic());
    json.writeStringField("unit", metric.unit());
    TrialStatistics statistics = metric.statistics();
    json.writeObjectFieldStart("statistics");
    json.writeNumberField("baseTrials", statistics.baseTrials());
    json.writeNumberField("headTrials", statistics.headTrials());
    JsonCodec.number(json, "baseMedian", statistics.baseMedian());
    JsonCodec.number(json, "headMedian", statistics.headMedian());
    JsonCodec.number(json, "changePercent", statistics.changePercent());
    JsonCodec.number(json, "ciLowPercent", statistics.ciLowPercent());
    JsonCodec.number(json, "ciHighPercent", statistics.ciHighPercent());
    JsonCodec.number(json, "confidence", statistics.confidence());
    JsonCodec.number(json, "pValue", statistics.pValue());
    JsonCodec.number(json, "mdePercent", statistics.mdePercent());
    JsonCodec.number(json, "tolerancePercent", statistics.tolerancePercent());
    json.writeBooleanField("higherIsBetter", statistics.higherIsBetter());
    json.writeStringField("verdict", verdict(statistics.verdict()));
    json.writeEndObject();
    json.writeEndObject();
  }
}
