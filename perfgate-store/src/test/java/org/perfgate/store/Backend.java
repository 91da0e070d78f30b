package org.perfgate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** The store backends every suite runs against. */
enum Backend {
  SQLITE {
    @Override
    String newLocation(Path temporary) {
      return "sqlite:" + temporary.resolve("project/.perfgate/history.db");
    }

    @Override
    String unreachableLocation(Path temporary) {
      // Root may write anywhere, so "not writable" is a parent that is a file, not a directory.
      try {
        Path file = Files.writeString(temporary.resolve("not-a-directory"), "x");
        return "sqlite:" + file.resolve(".perfgate/history.db");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },
  POSTGRESQL {
    @Override
    String newLocation(Path temporary) {
      return PostgresCluster.shared().newDatabase();
    }

    @Override
    String unreachableLocation(Path temporary) {
      try {
        return "postgresql://" + PostgresCluster.USER + ":" + PostgresCluster.PASSWORD + "@127.0.0.1:"
            + PostgresCluster.freePort() + "/nowhere";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** A location where no store exists yet. */
  abstract String newLocation(Path temporary);

  /** A location that cannot be reached or created now. */
  abstract String unreachableLocation(Path temporary);

  /** The other backend: where exported history is imported. */
  Backend other() {
    return this == SQLITE ? POSTGRESQL : SQLITE;
  }

  /** A plain connection to {@code location}, for tests that look behind the store's back. */
  static Connection connect(String location) throws IOException, SQLException {
    StoreLocation parsed = StoreLocation.parse(location);
    if (parsed.sqliteFile().isPresent()) {
      Files.createDirectories(parsed.sqliteFile().get().getParent());
    }
    return new Database(parsed).connect();
  }
}
