package org.perfgate.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.perfgate.model.PerfgateException;
import org.sqlite.SQLiteConfig;

/**
 * Connections to one store, kept in a small pool so that threads never share a transaction, and the
 * retry loop for writes: while the database is busy (SQLite's lock, a PostgreSQL serialization
 * failure or deadlock) a write is rolled back and tried again, so concurrent writers never lose a run.
 */
final class Database implements AutoCloseable {
  /** How long SQLite waits on a lock inside one attempt. */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
  /** Attempts of one write while the database is busy. */
  static final int WRITE_ATTEMPTS = 12;
  private static final int MAX_IDLE = 4;
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final StoreLocation location;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  Database(StoreLocation location) {
    this.location = location;
  }

  StoreLocation location() {
    return location;
  }

  Dialect dialect() {
    return location.dialect();
  }

  /** A new connection configured for this store (WAL, busy timeout, foreign keys for SQLite). */
  Connection connect() throws SQLException {
    Properties properties = location.connectionProperties();
    if (location.dialect() == Dialect.SQLITE) {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
      config.enforceForeignKeys(true);
      // Writers take the lock when the transaction begins, not on its first write: a deferred
      // transaction that reads and then writes fails at once with SQLITE_BUSY instead of waiting.
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      properties.putAll(config.toProperties());
    } else {
      properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
      properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
      properties.setProperty("ApplicationName", "perfgate");
    }
    return DriverManager.getConnection(location.jdbcUrl(), properties);
  }

  /** Runs {@code work} in auto-commit mode (one consistent statement per read). */
  <T> T read(Work<T> work) {
    try {
      return readOnce(work);
    } catch (StoreUnavailableException e) {
      // A pooled connection may have died with its server (a restart): one more try on a new one.
      if (e.getCause() instanceof SQLException sql && SqlFailures.isConnectionLost(sql)) {
        return readOnce(work);
      }
      throw e;
    }
  }

  private <T> T readOnce(Work<T> work) {
    Connection connection = borrow();
    boolean healthy = false;
    try {
      T value = work.run(connection);
      healthy = true;
      return value;
    } catch (SQLException e) {
      throw SqlFailures.translate(location, "reading", e);
    } catch (RuntimeException e) {
      healthy = true; // thrown by our own code (a bad prefix, a codec), not by the connection
      throw e;
    } finally {
      if (healthy) {
        release(connection);
      } else {
        discard(connection);
      }
    }
  }

  /** Runs {@code work} in one transaction, retrying it from the start while the database is busy. */
  <T> T write(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection connection = borrow();
      try {
        connection.setAutoCommit(false);
        T value = work.run(connection);
        connection.commit();
        connection.setAutoCommit(true);
        release(connection);
        return value;
      } catch (SQLException e) {
        rollbackQuietly(connection, e);
        discard(connection);
        boolean retry = SqlFailures.isBusy(e) || (attempt == 1 && SqlFailures.isConnectionLost(e));
        if (!retry || attempt >= WRITE_ATTEMPTS) {
          throw SqlFailures.translate(location, "writing", e);
        }
        backOff(attempt);
      } catch (RuntimeException e) {
        rollbackQuietly(connection, e);
        discard(connection);
        throw e;
      }
    }
  }

  private Connection borrow() {
    if (closed) {
      throw new IllegalStateException("store " + location.description() + " is closed");
    }
    Connection connection = idle.pollFirst();
    if (connection != null) {
      return connection;
    }
    try {
      return connect();
    } catch (SQLException e) {
      throw SqlFailures.translate(location, "connecting to", e);
    }
  }

  private void release(Connection connection) {
    if (closed || idle.size() >= MAX_IDLE) {
      discard(connection);
    } else {
      idle.offerFirst(connection);
    }
  }

  private static void discard(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // A connection we are dropping anyway (often after its own failure): nothing left to do.
      SqlFailures.LOG.debug("closing a discarded connection failed", e);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Exponential back-off with jitter, 5 ms to about 1 s: a wait at runtime, not in tests. */
  private static void backOff(int attempt) {
    long maxMillis = Math.min(1000, 5L << Math.min(attempt, 8));
    LockSupport.parkNanos(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, maxMillis + 1)).toNanos());
    if (Thread.currentThread().isInterrupted()) {
      throw new PerfgateException("interrupted while waiting for a busy store");
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      discard(connection);
    }
  }
}
