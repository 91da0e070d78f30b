/**
 * Reads a YAML plan file into an {@link org.perfgate.model.Plan}: {@code ${VAR:-default}}
 * substitution, k6 executor defaults, the k6 threshold grammar, {@code {{var}}} template checks, and
 * errors that name {@code file:line:column}, the field path and what was expected. The public API is
 * {@link org.perfgate.plan.PlanLoader}, {@link org.perfgate.plan.ConfigLoader} (with
 * {@link org.perfgate.plan.PerfgateConfig} and {@link org.perfgate.plan.AbConfig}) and
 * {@link org.perfgate.plan.DurationParser}; everything else
 * is package-private. Uses the model module and Jackson's YAML parser only; it never reads the
 * process environment itself (the caller passes it in).
 */
package org.perfgate.plan;
