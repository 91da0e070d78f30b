package org.perfgate.model;

import java.util.Optional;

/**
 * The k6 built-in metrics perfgate emits, with their k6 names verbatim, plus {@code
 * iteration_start_lag} (perfgate's own: k6 has no equivalent).
 */
public enum BuiltinMetric {
  HTTP_REQS("http_reqs", MetricType.COUNTER, false),
  HTTP_REQ_DURATION("http_req_duration", MetricType.TREND, true),
  HTTP_REQ_BLOCKED("http_req_blocked", MetricType.TREND, true),
  HTTP_REQ_CONNECTING("http_req_connecting", MetricType.TREND, true),
  HTTP_REQ_SENDING("http_req_sending", MetricType.TREND, true),
  HTTP_REQ_WAITING("http_req_waiting", MetricType.TREND, true),
  HTTP_REQ_RECEIVING("http_req_receiving", MetricType.TREND, true),
  HTTP_REQ_FAILED("http_req_failed", MetricType.RATE, false),
  ITERATIONS("iterations", MetricType.COUNTER, false),
  ITERATION_DURATION("iteration_duration", MetricType.TREND, true),
  DROPPED_ITERATIONS("dropped_iterations", MetricType.COUNTER, false),
  /** Arrival-rate executors only: how late each iteration started after its intended start. */
  ITERATION_START_LAG("iteration_start_lag", MetricType.TREND, true),
  VUS("vus", MetricType.GAUGE, false),
  VUS_MAX("vus_max", MetricType.GAUGE, false),
  CHECKS("checks", MetricType.RATE, false),
  DATA_SENT("data_sent", MetricType.COUNTER, false),
  DATA_RECEIVED("data_received", MetricType.COUNTER, false);

  private final String metricName;
  private final MetricType type;
  private final boolean time;

  BuiltinMetric(String metricName, MetricType type, boolean time) {
    this.metricName = metricName;
    this.type = type;
    this.time = time;
  }

  /** The k6 name, e.g. {@code http_req_duration}. */
  public String metricName() {
    return metricName;
  }

  public MetricType type() {
    return type;
  }

  /** True for trends of durations: recorded in microseconds, shown and compared in milliseconds. */
  public boolean isTime() {
    return time;
  }

  /** The built-in with this k6 name, if any. */
  public static Optional<BuiltinMetric> byName(String name) {
    for (BuiltinMetric m : values()) {
      if (m.metricName.equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
