/**
 * Every output of a run, rendered from a {@link org.perfgate.model.RunResult} alone: the k6-style
 * end-of-test console summary, the live progress line, the full JSON result ({@code --out json})
 * and its reader, the per-second CSV ({@code --out csv}) and k6's summary export
 * ({@code --summary-export}). And every output of a comparison of runs ({@code perfgate compare},
 * {@code ab}), rendered from a {@link org.perfgate.model.Comparison} alone: console table, JSON and
 * its reader, JUnit XML, Markdown for pull-request comments and CSV.
 *
 * <p>The public API is {@link org.perfgate.report.Reports}, {@link org.perfgate.report.ProgressLine}
 * and {@link org.perfgate.report.ProgressSnapshot}; everything else is package-private. May use
 * perfgate-model, Jackson and the JDK's XML writer; never the engine, metrics recording, statistics
 * or the store. Writes only to the files it is given: printing is the caller's job.
 */
package org.perfgate.report;
