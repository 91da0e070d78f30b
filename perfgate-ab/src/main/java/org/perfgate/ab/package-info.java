/**
 * {@code perfgate ab}: builds two git revisions in their own worktrees (cached per SHA), starts each
 * system under test, runs trials of the plan against both (interleaved one side at a time, or a
 * duet: both at once, each pinned to half the cores; optionally adaptive), samples their resources
 * and stores them with each trial's run as {@code sut_*} metrics; keeps only recently used builds.
 * {@link org.perfgate.ab.Bisector} finds the first regressing commit between them ({@code --bisect}).
 * The public API is {@link org.perfgate.ab.AbRunner} and {@link org.perfgate.ab.Bisector} with
 * {@link org.perfgate.ab.AbRequest}, {@link org.perfgate.ab.AbMode}, {@link org.perfgate.ab.AbResult}, {@link org.perfgate.ab.Revision},
 * {@link org.perfgate.ab.SutMetrics} and {@link org.perfgate.ab.AbException}; the rest is package-private. Runs {@code git} and the
 * project's own commands as processes; probes readiness through the engine's HTTP SPI.
 * May use: perfgate-model, -plan, -metrics (to build the {@code sut_*} trends), -engine, -store, -stats.
 */
package org.perfgate.ab;
