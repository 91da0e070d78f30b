package org.perfgate.store;

import java.sql.SQLException;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.PerfgateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/** Sorts driver errors into what callers act on: retry, spool, a bad file, or a plain failure. */
final class SqlFailures {
  static final Logger LOG = LoggerFactory.getLogger("org.perfgate.store");

  // SQLite primary result codes (https://www.sqlite.org/rescode.html).
  private static final int SQLITE_PERM = 3;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_NOTADB = 26;

  private SqlFailures() {}

  /** The database is busy: the same transaction may succeed if tried again. */
  static boolean isBusy(SQLException e) {
    for (SQLException current = e; current != null; current = current.getNextException()) {
      int code = sqliteCode(current);
      String state = current.getSQLState() == null ? "" : current.getSQLState();
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED || state.equals("40001") || state.equals("40P01")
          || state.equals("55P03")) {
        return true;
      }
    }
    return false;
  }

  /** The connection broke (server restarted, connection killed): a new connection may work. */
  static boolean isConnectionLost(SQLException e) {
    return e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"));
  }

  /** A primary key or unique constraint was violated (a duplicate run id). */
  static boolean isDuplicate(SQLException e) {
    return sqliteCode(e) == SQLITE_CONSTRAINT || "23505".equals(e.getSQLState());
  }

  /** The file is not an SQLite database, or is damaged. */
  static boolean isNotADatabase(SQLException e) {
    int code = sqliteCode(e);
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
  }

  /** The store cannot be reached or written now, through no fault of the data. */
  static boolean isUnavailable(SQLException e) {
    int code = sqliteCode(e);
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return isBusy(e) || code == SQLITE_PERM || code == SQLITE_READONLY || code == SQLITE_IOERR
        || code == SQLITE_FULL || code == SQLITE_CANTOPEN || state.startsWith("08") || state.startsWith("57P")
        || state.startsWith("53");
  }

  /**
   * The exception to throw for {@code e}, which happened while {@code action} ("reading",
   * "connecting to", ...) the store; any password is removed from the message.
   */
  static PerfgateException translate(StoreLocation location, String action, SQLException e) {
    String detail = location.redact(e.getMessage());
    if (isNotADatabase(e)) {
      return new InvalidInputException(location.description() + " is not a perfgate history database: " + detail);
    }
    if (action.equals("connecting to") || isUnavailable(e)) {
      return unavailable(location, action, detail, e);
    }
    return new PerfgateException("failed " + action + " store " + location.description() + ": " + detail, e);
  }

  /** {@code cannot use store <where> (<action> it): <detail>}, the one form of every unavailability. */
  static StoreUnavailableException unavailable(StoreLocation location, String action, String detail, Exception cause) {
    return new StoreUnavailableException(
        "cannot use store " + location.description() + " (" + action + " it): " + location.redact(detail), cause);
  }

  private static int sqliteCode(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      return sqlite.getResultCode().code & 0xff;
    }
    return e.getClass().getName().startsWith("org.sqlite") ? e.getErrorCode() & 0xff : -1;
  }
}
