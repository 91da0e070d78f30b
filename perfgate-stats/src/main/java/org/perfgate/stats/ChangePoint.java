package org.perfgate.stats;

/**
 * One change in a series found by {@link ChangePoints#detect}.
 *
 * @param index the position (0-based) of the first value after the change, {@code >= 1}
 * @param meanBefore the mean of the segment ending just before {@code index} (from the previous
 *     change point, or the start)
 * @param meanAfter the mean of the segment starting at {@code index} (up to the next change point,
 *     or the end)
 * @param changePercent {@code (meanAfter - meanBefore) / |meanBefore| * 100}; {@code NaN} when
 *     {@code meanBefore} is 0
 * @param pValue the permutation p-value of the split when it was accepted, in {@code (0, 1]}
 */
public record ChangePoint(int index, double meanBefore, double meanAfter, double changePercent, double pValue) {
  public ChangePoint {
    if (index < 1) {
      throw new IllegalArgumentException("index: expected >= 1, got " + index);
    }
    if (!(pValue > 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue: expected a number in (0, 1], got " + pValue);
    }
  }
}
