package org.perfgate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perfgate.model.Aggregation;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.ThresholdResult;
import org.perfgate.report.Units.Contains;

/**
 * One (sub-)metric as the summaries show it: its whole-run values, if any were recorded, and the
 * thresholds on it. A threshold on a key that recorded nothing still gets a row, so that it shows.
 */
record MetricRow(
    MetricKey key, MetricType type, Contains contains, Optional<MetricValues> values, List<ThresholdResult> thresholds) {

  private static final Set<String> TIME_UNITS = Set.of("ns", "us", "µs", "ms", "s");

  /**
   * k6's summary order: by metric name, each metric's sub-metrics right after it, by tag text.
   * ({@link MetricKey#compareTo} compares whole texts, which would put {@code a_b} between {@code a}
   * and {@code a{x:y}}.)
   */
  static final Comparator<MetricKey> SUMMARY_ORDER =
      Comparator.comparing(MetricKey::name).thenComparing(MetricRow::tagText);

  /** The rows of {@code run}, in {@link #SUMMARY_ORDER}. */
  static List<MetricRow> of(RunResult run) {
    Map<MetricKey, List<ThresholdResult>> thresholdsByKey = new LinkedHashMap<>();
    for (ThresholdResult result : run.thresholds()) {
      thresholdsByKey.computeIfAbsent(result.threshold().metric(), key -> new ArrayList<>()).add(result);
    }
    List<MetricRow> rows = new ArrayList<>();
    for (MetricResult metric : run.metrics()) {
      List<ThresholdResult> thresholds = thresholdsByKey.remove(metric.key());
      rows.add(new MetricRow(metric.key(), metric.type(), contains(metric.key(), metric.values()),
          Optional.of(metric.values()), thresholds == null ? List.of() : List.copyOf(thresholds)));
    }
    for (Map.Entry<MetricKey, List<ThresholdResult>> unrecorded : thresholdsByKey.entrySet()) {
      MetricKey key = unrecorded.getKey();
      MetricType type = BuiltinMetric.byName(key.name()).map(BuiltinMetric::type)
          .orElseGet(() -> typeOf(unrecorded.getValue().getFirst().threshold().aggregation()));
      rows.add(new MetricRow(key, type, builtinContains(key.name()).orElse(Contains.DEFAULT), Optional.empty(),
          List.copyOf(unrecorded.getValue())));
    }
    rows.sort(Comparator.comparing(MetricRow::key, SUMMARY_ORDER));
    return rows;
  }

  /** k6's type name: {@code trend}, {@code counter}, {@code rate} or {@code gauge}. */
  String k6Type() {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** True when a threshold on this metric failed. */
  boolean anyThresholdFailed() {
    for (ThresholdResult threshold : thresholds) {
      if (!threshold.ok()) {
        return true;
      }
    }
    return false;
  }

  /** The tag filter as k6 writes it inside the braces, {@code k:v,k2:v2}; empty for whole metrics. */
  static String tagText(MetricKey key) {
    return key.isSubMetric() ? key.toString().substring(key.name().length() + 1, key.toString().length() - 1) : "";
  }

  /**
   * What a metric contains. The model does not say, so: the built-in metric's kind if it is one,
   * else {@code time} for trends whose histogram records a time unit, else {@code default}.
   */
  static Contains contains(MetricKey key, MetricValues values) {
    Optional<Contains> builtin = builtinContains(key.name());
    if (builtin.isPresent()) {
      return builtin.get();
    }
    if (values instanceof MetricValues.Trend trend && TIME_UNITS.contains(trend.histogram().unit())) {
      return Contains.TIME;
    }
    return Contains.DEFAULT;
  }

  private static Optional<Contains> builtinContains(String name) {
    return BuiltinMetric.byName(name).map(metric -> switch (metric) {
      case DATA_SENT, DATA_RECEIVED, SUT_RSS, SUT_RSS_PEAK, SUT_RSS_AT_READY -> Contains.DATA;
      default -> metric.isTime() ? Contains.TIME : Contains.DEFAULT;
    });
  }

  private static MetricType typeOf(Aggregation aggregation) {
    return switch (aggregation.kind()) {
      case AVG, MIN, MAX, MED, PERCENTILE -> MetricType.TREND;
      case COUNT -> MetricType.COUNTER;
      case RATE -> MetricType.RATE;
      case VALUE -> MetricType.GAUGE;
    };
  }
}
