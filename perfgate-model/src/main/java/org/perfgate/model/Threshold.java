package org.perfgate.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One k6 threshold expression on one (sub-)metric, e.g. {@code http_req_duration: p(95)<500}.
 * Values of time trends are in milliseconds, as in k6.
 *
 * @param expression the source text, shown in the summary
 * @param abortOnFail stop the whole run as soon as it fails (after {@code delayAbortEval})
 * @param delayAbortEval how long after the start abortOnFail waits before evaluating
 * @param location where it was written
 */
public record Threshold(
    MetricKey metric,
    String expression,
    Aggregation aggregation,
    Operator operator,
    double value,
    boolean abortOnFail,
    Duration delayAbortEval,
    SourceLocation location) {

  /** Comparison operators of k6 thresholds. */
  public enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** {@code observed <op> limit}. */
    public boolean test(double observed, double limit) {
      return switch (this) {
        case LT -> observed < limit;
        case LE -> observed <= limit;
        case GT -> observed > limit;
        case GE -> observed >= limit;
        case EQ -> observed == limit;
        case NE -> observed != limit;
      };
    }
  }

  public Threshold {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(operator, "operator");
    Durations.requireNonNegative(delayAbortEval, "delayAbortEval");
    Objects.requireNonNull(location, "location");
  }
}
