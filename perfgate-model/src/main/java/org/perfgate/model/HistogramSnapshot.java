package org.perfgate.model;

import java.util.Objects;

/**
 * A whole HdrHistogram, compressed ({@code encodeIntoCompressedByteBuffer}) and Base64-encoded, so
 * results can be merged and re-queried exactly later. Decoding lives in perfgate-metrics.
 *
 * @param unit the unit of recorded values, {@code us} for time trends
 * @param compressedBase64 the encoded histogram
 */
public record HistogramSnapshot(String unit, String compressedBase64) {
  public HistogramSnapshot {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(compressedBase64, "compressedBase64");
  }
}
