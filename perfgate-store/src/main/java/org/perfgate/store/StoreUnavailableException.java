package org.perfgate.store;

import org.perfgate.model.PerfgateException;

/**
 * The store cannot be reached or written right now (PostgreSQL down, the SQLite file's directory not
 * writable, the database busy past every retry): the data is fine, try later. {@link
 * RunStore#spooling} turns this into a spooled run instead of a lost one. Messages never contain a
 * password.
 */
public class StoreUnavailableException extends PerfgateException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
