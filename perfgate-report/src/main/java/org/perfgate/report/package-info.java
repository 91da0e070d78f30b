/**
 * Every output of a run, rendered from a {@link org.perfgate.model.RunResult} alone: the k6-style
 * end-of-test console summary, the live progress line, the full JSON result ({@code --out json})
 * and its reader, the per-second CSV ({@code --out csv}) and k6's summary export
 * ({@code --summary-export}).
 *
 * <p>The public API is {@link org.perfgate.report.Reports}, {@link org.perfgate.report.ProgressLine}
 * and {@link org.perfgate.report.ProgressSnapshot}; everything else is package-private. May use
 * perfgate-model and Jackson; never the engine, metrics recording or the store. Writes only to the
 * files it is given: printing is the caller's job.
 */
package org.perfgate.report;
