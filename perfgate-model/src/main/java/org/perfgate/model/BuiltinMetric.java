package org.perfgate.model;

import java.util.Optional;

/**
 * The built-in metrics perfgate emits: k6's, with their k6 names verbatim, plus perfgate's own
 * (k6 has no equivalent): {@code iteration_start_lag}, and the system under test's {@code sut_*}
 * that {@code perfgate ab} measures.
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
  DATA_RECEIVED("data_received", MetricType.COUNTER, false),
  /** From the start of the system under test to its first successful readiness probe. */
  SUT_TIME_TO_READY("sut_time_to_ready", MetricType.TREND, true),
  /** The first request to a system that has just become ready (cold caches, JIT, lazy init). */
  SUT_FIRST_REQUEST_DURATION("sut_first_request_duration", MetricType.TREND, true),
  /** CPU seconds (user + system) of the system's process tree while a plan ran. */
  SUT_CPU("sut_cpu", MetricType.COUNTER, false),
  /** Resident memory of the system's process tree in bytes while a plan ran: last value, min, max. */
  SUT_RSS("sut_rss", MetricType.GAUGE, false),
  /** The highest resident memory of the system's process tree while a plan ran, in bytes. */
  SUT_RSS_PEAK("sut_rss_peak", MetricType.GAUGE, false),
  /** Resident memory of the system's process tree in bytes when it became ready. */
  SUT_RSS_AT_READY("sut_rss_at_ready", MetricType.GAUGE, false);

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
