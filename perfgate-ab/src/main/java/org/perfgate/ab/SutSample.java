package org.perfgate.ab;

/**
 * One reading of the system under test's process tree.
 *
 * @param nanoTime when it was read ({@link System#nanoTime()})
 * @param rssBytes resident memory of the whole tree
 * @param cpuNanos CPU time (user + system) the tree used since it started, cumulative
 */
record SutSample(long nanoTime, long rssBytes, long cpuNanos) {}
