package org.perfgate.model;

import java.util.Objects;

/**
 * A threshold's outcome: {@code observed} is the aggregate it compared (ms for time trends).
 */
public record ThresholdResult(Threshold threshold, double observed, boolean ok) {
  public ThresholdResult {
    Objects.requireNonNull(threshold, "threshold");
  }
}
