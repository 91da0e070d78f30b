package org.perfgate.model;

import java.util.Objects;

/** A (sub-)metric's values over a whole run. */
public record MetricResult(MetricKey key, MetricType type, MetricValues values) {
  public MetricResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(values, "values");
  }
}
