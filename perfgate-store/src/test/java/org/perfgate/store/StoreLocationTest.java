package org.perfgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.perfgate.model.InvalidInputException;

class StoreLocationTest {

  @Test
  void readsAPlainPathAsAnSqliteFile() {
    StoreLocation location = StoreLocation.parse(".perfgate/history.db");
    Path file = Path.of(".perfgate/history.db").toAbsolutePath().normalize();

    assertThat(location.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(location.sqliteFile()).contains(file);
    assertThat(location.description()).isEqualTo("sqlite:" + file);
    assertThat(StoreLocation.parse("sqlite:/x/h.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/x/h.db");
    assertThat(StoreLocation.parse("jdbc:sqlite:/x/h.db").sqliteFile()).contains(Path.of("/x/h.db"));
  }

  @Test
  void keepsThePasswordOfAPostgresqlLocationOutOfTheUrlAndTheDescription() {
    StoreLocation location = StoreLocation.parse("postgresql://ci:p%40ss:w0rd@db.example:6543/perf?sslmode=require");

    assertThat(location.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/perf?sslmode=require");
    assertThat(location.user()).contains("ci");
    assertThat(location.password()).contains("p@ss:w0rd");
    assertThat(location.description()).isEqualTo("postgresql://ci@db.example:6543/perf");
    assertThat(location.redact("auth failed for p@ss:w0rd")).isEqualTo("auth failed for ***");
    assertThat(StoreLocation.parse("postgres://db/perf").description()).isEqualTo("postgresql://db:5432/perf");
  }

  @Test
  void movesThePasswordParameterOfAJdbcUrlIntoTheConnectionProperties() {
    StoreLocation location = StoreLocation.parse("jdbc:postgresql://db/perf?user=ci&password=hunter2&ssl=true");

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db/perf?ssl=true");
    assertThat(location.connectionProperties()).containsEntry("password", "hunter2").containsEntry("user", "ci");
    assertThat(location.description()).isEqualTo("jdbc:postgresql://db/perf?ssl=true&user=ci").doesNotContain("hunter2");
  }

  @Test
  void rejectsUnsupportedAndIncompleteLocationsWithoutEchoingThePassword() {
    assertThatThrownBy(() -> StoreLocation.parse("mysql://root:topsecret@db/perf"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported store location 'mysql://root@db/perf'")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> StoreLocation.parse("postgresql://u:topsecret@db"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no database")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> StoreLocation.parse(" ")).isInstanceOf(InvalidInputException.class);
  }
}
