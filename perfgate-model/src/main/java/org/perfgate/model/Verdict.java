package org.perfgate.model;

/** The outcome of comparing a metric between a baseline and a candidate. */
public enum Verdict {
  /** Significantly worse, by more than the tolerance. */
  REGRESSION,
  /** Significantly better, by more than the tolerance. */
  IMPROVEMENT,
  /** No change larger than the tolerance, and the data could have shown one. */
  NO_CHANGE,
  /** The data cannot tell: too few trials or too much noise to detect a change of the tolerance's size. */
  INCONCLUSIVE;

  /** Lower-case words as users read them: {@code no change}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
