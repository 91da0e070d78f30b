package org.perfgate.model;

/**
 * How long a VU keeps a TCP connection to a target, set by k6's plan options {@code
 * noConnectionReuse} and {@code noVUConnectionReuse}.
 */
public enum ConnectionReuse {
  /** Keep-alive: a VU reuses its connection for all its requests (the default, as in k6). */
  ALWAYS,
  /** {@code noVUConnectionReuse: true}: a VU closes its connections at the end of each iteration. */
  WITHIN_ITERATION,
  /**
   * {@code noConnectionReuse: true}: a VU closes its connection after every request, so VUs in
   * think time hold no socket (how 100,000 VUs fit under a file-descriptor limit).
   */
  NEVER
}
