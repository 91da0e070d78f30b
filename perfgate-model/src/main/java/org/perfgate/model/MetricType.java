package org.perfgate.model;

/** k6's four metric types. */
public enum MetricType {
  /** A cumulative sum (http_reqs, data_sent). */
  COUNTER,
  /** The latest value, plus min and max (vus). */
  GAUGE,
  /** A share of non-zero values (http_req_failed, checks). */
  RATE,
  /** A distribution (http_req_duration), recorded into HdrHistograms. */
  TREND
}
