package org.perfgate.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.perfgate.model.InvalidInputException;
import org.sqlite.SQLiteConfig;

/**
 * The schema: checked read-only first (so a foreign or newer file is refused untouched), then
 * migrated by Flyway from {@code org/perfgate/store/migration}.
 */
final class Schema {
  /** The newest schema this version knows: the highest {@code V<n>__*.sql} migration. */
  static final int VERSION = 2;
  static final String HISTORY_TABLE = "perfgate_schema_history";
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int MIGRATION_ATTEMPTS = 3;

  private Schema() {}

  /** Checks then migrates the store at {@code database}'s location to {@link #VERSION}. */
  static void prepare(Database database) {
    StoreLocation location = database.location();
    int current = 0;
    if (location.sqliteFile().isPresent()) {
      Path file = location.sqliteFile().get();
      if (Files.exists(file)) {
        current = checkSqliteFile(location, file);
      } else {
        createParent(location, file);
      }
    } else {
      current = database.read(connection -> check(location, connection));
    }
    // Flyway's start-up (classpath scan, validation) cost about 1 CPU-second per `perfgate run`
    // (bench/efficiency.sh): a store already at the newest schema needs no migration.
    if (current < VERSION) {
      migrate(database);
    }
  }

  /** Checks the file and returns its schema version as {@link #check} does. */
  private static int checkSqliteFile(StoreLocation location, Path file) {
    byte[] header = new byte[SQLITE_HEADER.length];
    int read;
    long size;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, header.length);
      size = Files.size(file);
    } catch (IOException e) {
      throw SqlFailures.unavailable(location, "reading", e.toString(), e);
    }
    if (size > 0 && (read < header.length || !Arrays.equals(header, SQLITE_HEADER))) {
      throw new InvalidInputException(location.description()
          + " is not a perfgate history database: it is not an SQLite file (no 'SQLite format 3' header)");
    }
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl(), readOnly.toProperties())) {
      return check(location, connection);
    } catch (SQLException e) {
      throw SqlFailures.translate(location, "checking", e);
    }
  }

  /**
   * Refuses a database holding tables but no perfgate schema history, or a newer schema; returns
   * the newest successfully applied schema version (0 for an empty database).
   */
  private static int check(StoreLocation location, Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    String sql = location.dialect() == Dialect.SQLITE
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    if (tables.isEmpty()) {
      return 0;
    }
    if (!tables.contains(HISTORY_TABLE)) {
      List<String> shown = tables.size() > 5 ? tables.subList(0, 5) : tables;
      throw new InvalidInputException(location.description() + " is not a perfgate history database: it has tables "
          + shown + (tables.size() > shown.size() ? "..." : "") + " but no " + HISTORY_TABLE
          + "; give perfgate a new file or an empty database");
    }
    int newest = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM " + HISTORY_TABLE + " WHERE success")) {
      while (rows.next()) {
        newest = Math.max(newest, versionNumber(location, rows.getString(1)));
      }
    }
    if (newest > VERSION) {
      throw new InvalidInputException(location.description() + " was written by a newer perfgate (schema " + newest
          + "); this perfgate knows schema " + VERSION + " at most: upgrade perfgate to use this history");
    }
    return newest;
  }

  private static int versionNumber(StoreLocation location, String version) {
    if (version == null) {
      return 0; // Flyway's own schema-creation marker has no version.
    }
    try {
      return Integer.parseInt(version.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(location.description() + " is not a perfgate history database: schema version '"
          + version + "' is not a perfgate schema number");
    }
  }

  private static void createParent(StoreLocation location, Path file) {
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw SqlFailures.unavailable(location, "creating", e.toString(), e);
    }
  }

  private static void migrate(Database database) {
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(new DatabaseDataSource(database))
        .locations("classpath:org/perfgate/store/migration")
        .table(HISTORY_TABLE)
        .placeholders(Map.of("blob_type", database.dialect().blobType()))
        .loggers("slf4j")
        .cleanDisabled(true)
        .failOnMissingLocations(true)
        .load();
    for (int attempt = 1; ; attempt++) {
      try {
        flyway.migrate();
        return;
      } catch (FlywayException e) {
        // Two processes opening a new store at once race to create the history table; the loser
        // finds the winner's schema on the next attempt.
        if (attempt >= MIGRATION_ATTEMPTS) {
          throw SqlFailures.unavailable(database.location(), "migrating", e.getMessage(), e);
        }
      }
    }
  }
}
