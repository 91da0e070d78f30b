package org.perfgate.ab;

import org.perfgate.model.InvalidInputException;

/**
 * {@code perfgate ab} cannot go on: an unknown revision, a failing build, a system under test that
 * never becomes ready. The project (its refs, build or start command) is at fault, not perfgate, so
 * it is invalid input; the message's first line says what happened, further lines quote the log.
 */
public class AbException extends InvalidInputException {
  public AbException(String message) {
    super(message);
  }
}
