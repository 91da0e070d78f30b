package org.perfgate.model;

import java.util.Optional;

/**
 * Bad input from the user (plan file, flag, data file): the message says what is wrong and what was
 * expected; {@link #location()} says where, when known. Maps to the invalid-input exit code.
 */
public class InvalidInputException extends PerfgateException {
  private final transient SourceLocation location;

  public InvalidInputException(String message) {
    super(message);
    this.location = null;
  }

  public InvalidInputException(SourceLocation location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  public Optional<SourceLocation> location() {
    return Optional.ofNullable(location);
  }
}
