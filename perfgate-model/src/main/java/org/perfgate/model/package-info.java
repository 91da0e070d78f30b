/**
 * Immutable records and enums shared by every perfgate module: the parsed {@link org.perfgate.model.Plan},
 * the {@link org.perfgate.model.RunResult} of a run, metric keys and the exception root. JDK only.
 */
package org.perfgate.model;
