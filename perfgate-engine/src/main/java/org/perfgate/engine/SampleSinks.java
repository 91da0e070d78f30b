package org.perfgate.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.perfgate.metrics.CounterRecorder;
import org.perfgate.metrics.MetricRegistry;
import org.perfgate.metrics.RateRecorder;
import org.perfgate.metrics.TrendRecorder;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.MetricKey;

/**
 * Resolves which series a sample with given tags goes to: the whole metric, its sub-metrics whose
 * tag filter matches (from thresholds), and for request durations the per-request-name series.
 * Resolution happens once per request step and status, never per sample.
 */
final class SampleSinks {
  private final MetricRegistry registry;

  SampleSinks(MetricRegistry registry) {
    this.registry = registry;
  }

  TrendRecorder[] trends(BuiltinMetric metric, Map<String, String> tags, boolean withName) {
    List<MetricKey> keys = keys(metric, tags, withName);
    TrendRecorder[] recorders = new TrendRecorder[keys.size()];
    for (int i = 0; i < recorders.length; i++) {
      recorders[i] = registry.trend(keys.get(i), metric.isTime());
    }
    return recorders;
  }

  CounterRecorder[] counters(BuiltinMetric metric, Map<String, String> tags) {
    List<MetricKey> keys = keys(metric, tags, false);
    CounterRecorder[] recorders = new CounterRecorder[keys.size()];
    for (int i = 0; i < recorders.length; i++) {
      recorders[i] = registry.counter(keys.get(i));
    }
    return recorders;
  }

  RateRecorder[] rates(BuiltinMetric metric, Map<String, String> tags) {
    List<MetricKey> keys = keys(metric, tags, false);
    RateRecorder[] recorders = new RateRecorder[keys.size()];
    for (int i = 0; i < recorders.length; i++) {
      recorders[i] = registry.rate(keys.get(i));
    }
    return recorders;
  }

  private List<MetricKey> keys(BuiltinMetric metric, Map<String, String> tags, boolean withName) {
    List<MetricKey> keys = new ArrayList<>();
    keys.add(MetricKey.of(metric.metricName()));
    MetricKey byName = null;
    if (withName && tags.containsKey("name")) {
      byName = MetricKey.of(metric.metricName(), Map.of("name", tags.get("name")));
      keys.add(byName);
    }
    for (MetricKey sub : registry.subMetrics(metric.metricName())) {
      if (sub.matches(tags) && !sub.equals(byName)) {
        keys.add(sub);
      }
    }
    return keys;
  }

  static Map<String, String> with(Map<String, String> tags, String key, String value) {
    Map<String, String> copy = new HashMap<>(tags);
    copy.put(key, value);
    return copy;
  }

  static void record(TrendRecorder[] recorders, long value) {
    for (TrendRecorder recorder : recorders) {
      recorder.record(value);
    }
  }

  static void add(CounterRecorder[] recorders, long delta) {
    for (CounterRecorder recorder : recorders) {
      recorder.add(delta);
    }
  }

  static void add(RateRecorder[] recorders, boolean nonZero) {
    for (RateRecorder recorder : recorders) {
      recorder.add(nonZero);
    }
  }
}
