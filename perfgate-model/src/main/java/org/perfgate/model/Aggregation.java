package org.perfgate.model;

/**
 * The left side of a k6 threshold expression: which aggregate of a metric is compared.
 *
 * @param kind the aggregate
 * @param percentile for {@link Kind#PERCENTILE} the percentile in (0, 100], else 0
 */
public record Aggregation(Kind kind, double percentile) {
  /** k6 aggregation methods. */
  public enum Kind {
    AVG, MIN, MAX, MED, PERCENTILE, COUNT, RATE, VALUE
  }

  public Aggregation {
    if (kind == Kind.PERCENTILE && !(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
    }
    if (kind != Kind.PERCENTILE && percentile != 0) {
      throw new IllegalArgumentException("only PERCENTILE takes a percentile");
    }
  }

  public static Aggregation of(Kind kind) {
    return new Aggregation(kind, 0);
  }

  public static Aggregation percentile(double percentile) {
    return new Aggregation(Kind.PERCENTILE, percentile);
  }

  /** Whether k6 allows this aggregation on a metric of {@code type}. */
  public boolean appliesTo(MetricType type) {
    return switch (type) {
      case TREND -> kind == Kind.AVG || kind == Kind.MIN || kind == Kind.MAX || kind == Kind.MED
          || kind == Kind.PERCENTILE;
      case COUNTER -> kind == Kind.COUNT || kind == Kind.RATE;
      case RATE -> kind == Kind.RATE;
      case GAUGE -> kind == Kind.VALUE;
    };
  }

  /** k6's text, e.g. {@code p(99.9)} or {@code avg}. */
  @Override
  public String toString() {
    if (kind == Kind.PERCENTILE) {
      String number = percentile == Math.rint(percentile)
          ? Long.toString((long) percentile) : Double.toString(percentile);
      return "p(" + number + ")";
    }
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
