package org.perfgate.model;

import java.util.Objects;

/** A place in a user's file, 1-based; printed as {@code file:line:column}. */
public record SourceLocation(String file, int line, int column) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
