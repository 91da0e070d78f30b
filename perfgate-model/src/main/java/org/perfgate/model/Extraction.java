package org.perfgate.model;

import java.util.Objects;

/**
 * Takes a value from a response into variable {@code variable}, readable as {@code {{variable}}} in
 * later steps of the same iteration (and the VU's later iterations, until overwritten).
 */
public record Extraction(String variable, Source source, String expression) {
  /** Where the value comes from. */
  public enum Source {
    /** {@code expression} is a JSONPath into the body. */
    JSON_PATH,
    /** {@code expression} is a header name. */
    HEADER,
    /** {@code expression} is a regex over the body; group 1 if present, else the whole match. */
    REGEX
  }

  public Extraction {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expression, "expression");
  }
}
