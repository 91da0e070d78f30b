/**
 * {@code perfgate ab}: builds two git revisions in their own worktrees (cached per SHA), starts each
 * system under test, runs interleaved trials of the plan against both, samples their resources.
 * May use: perfgate-model, -plan, -engine, -store, -stats.
 */
package org.perfgate.ab;
