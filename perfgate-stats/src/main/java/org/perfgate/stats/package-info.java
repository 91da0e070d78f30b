/**
 * Statistics for deciding whether a change is real: {@link org.perfgate.stats.TrialComparison}
 * compares N trials per side (one number per trial, e.g. a trial's p95 latency) and returns a
 * {@link org.perfgate.model.TrialStatistics} with the estimated change, its confidence interval,
 * the p-value, the minimum detectable effect and a {@link org.perfgate.model.Verdict};
 * {@link org.perfgate.stats.RunComparator} applies it to stored runs, statistic by statistic, with
 * budgets; {@link org.perfgate.stats.ChangePoints} finds change points in a series (E-divisive
 * means with a permutation test) as {@link org.perfgate.stats.ChangePoint}s. Public: those three,
 * {@link org.perfgate.stats.CompareOptions} and {@link org.perfgate.stats.DetectOptions}; the rank
 * and energy statistics behind them are package-private. Pure: no I/O, no clocks; anything random is seeded.
 *
 * <p>May use: perfgate-model, Apache Commons Statistics (inference, distribution).
 */
package org.perfgate.stats;
