package org.perfgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfgate.store.TestRuns.T0;
import static org.perfgate.store.TestRuns.metadata;
import static org.perfgate.store.TestRuns.result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfgate.model.InvalidInputException;

/** What goes wrong in real use: concurrent writers, an unreachable store, a file that is not ours. */
class RunStoreFaultsTest {
  private static final RunCodec CODEC = new JsonTestCodec();
  private static final int THREADS = 8;
  private static final int SAVES_PER_THREAD = 20;

  @TempDir Path temporary;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void concurrentWritersInTwoStoresNeverLoseARun(Backend backend) throws Exception {
    String location = backend.newLocation(temporary);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    // Two store instances play two perfgate processes; each is shared by four threads.
    try (RunStore first = RunStore.open(location, CODEC);
        RunStore second = RunStore.open(location, CODEC);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        RunStore store = thread % 2 == 0 ? first : second;
        String group = "thread-" + thread;
        done.add(threads.submit(() -> {
          for (int trial = 1; trial <= SAVES_PER_THREAD; trial++) {
            ids.add(store.save(metadata("checkout", T0, group, trial), result("checkout", trial, 1, true)));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      assertThat(ids).hasSize(THREADS * SAVES_PER_THREAD);
      assertThat(second.history(HistoryQuery.all())).extracting(RunSummary::id)
          .containsExactlyInAnyOrderElementsOf(ids);
      assertThat(first.trialGroup("thread-3")).extracting(run -> run.metadata().trial())
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, SAVES_PER_THREAD).boxed().toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void spoolsRunsWhileTheStoreIsUnreachableAndImportsThemOnTheNextOpen(Backend backend) throws Exception {
    Path spool = temporary.resolve("spool");
    String id;
    try (RunStore unreachable = RunStore.spooling(backend.unreachableLocation(temporary), CODEC, spool)) {
      id = unreachable.save(metadata("checkout", T0, "g1", 1), result("checkout", 10, 2, true));

      assertThat(spool.resolve(id + ".json")).exists();
      assertThat(listing(spool)).containsExactly(id + ".json");
      assertThatThrownBy(() -> unreachable.history(HistoryQuery.all()))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("cannot use store")
          .hasMessageNotContaining(PostgresCluster.PASSWORD);
    }

    String location = backend.newLocation(temporary);
    try (RunStore store = RunStore.spooling(location, CODEC, spool)) {
      assertThat(store.find(id)).map(StoredRun::result).contains(result("checkout", 10, 2, true));
      assertThat(listing(spool)).isEmpty();
      String direct = store.save(metadata("checkout", T0.plusSeconds(1), "g2", 1), result("checkout", 1, 1, true));
      assertThat(listing(spool)).isEmpty();
      assertThat(store.history(HistoryQuery.all())).extracting(RunSummary::id).containsExactly(direct, id);
    }
  }

  @Test
  void spoolsARunWhenPostgresqlGoesAwayAfterOpeningAndImportsItWhenBack() throws Exception {
    PostgresCluster cluster = PostgresCluster.shared();
    String location = Backend.POSTGRESQL.newLocation(temporary);
    String database = location.substring(location.lastIndexOf('/') + 1);
    Path spool = temporary.resolve("spool");
    String direct;
    String spooled;
    try (RunStore store = RunStore.spooling(location, CODEC, spool)) {
      direct = store.save(metadata("checkout", T0, "g1", 1), result("checkout", 1, 1, true));
      cluster.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      cluster.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

      spooled = store.save(metadata("checkout", T0.plusSeconds(1), "g2", 1), result("checkout", 2, 2, true));

      assertThat(listing(spool)).containsExactly(spooled + ".json");
    } finally {
      cluster.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }
    try (RunStore store = RunStore.spooling(location, CODEC, spool)) {
      assertThat(store.history(HistoryQuery.all())).extracting(RunSummary::id).containsExactly(spooled, direct);
      assertThat(listing(spool)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void opensAnUnreachableStoreOnlyThroughTheSpool(Backend backend) {
    String location = backend.unreachableLocation(temporary);
    assertThatThrownBy(() -> RunStore.open(location, CODEC))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("cannot use store " + StoreLocation.parse(location).description())
        .hasMessageNotContaining(PostgresCluster.PASSWORD);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void refusesADatabaseWithOtherTablesAndLeavesItAlone(Backend backend) throws Exception {
    String location = backend.newLocation(temporary);
    try (Connection connection = Backend.connect(location); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
    }
    byte[] before = backend == Backend.SQLITE ? Files.readAllBytes(sqliteFile(location)) : new byte[0];

    assertThatThrownBy(() -> RunStore.open(location, CODEC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not a perfgate history database: it has tables [customers] but no "
            + "perfgate_schema_history");

    if (backend == Backend.SQLITE) {
      assertThat(Files.readAllBytes(sqliteFile(location))).isEqualTo(before);
    } else {
      assertThat(RunStoreTest.tables(location)).containsExactly("customers");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void refusesAStoreWrittenByANewerPerfgateAndLeavesItAlone(Backend backend) throws Exception {
    String location = backend.newLocation(temporary);
    RunStore.open(location, CODEC).close();
    try (Connection connection = Backend.connect(location); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO perfgate_schema_history (installed_rank, version, description, type, script, "
          + "checksum, installed_by, execution_time, success) VALUES (99, '7', 'future', 'SQL', 'V7__future.sql', 0, "
          + "'test', 0, TRUE)");
    }
    byte[] before = backend == Backend.SQLITE ? Files.readAllBytes(sqliteFile(location)) : new byte[0];

    assertThatThrownBy(() -> RunStore.open(location, CODEC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(StoreLocation.parse(location).description() + " was written by a newer perfgate (schema 7); "
            + "this perfgate knows schema " + Schema.VERSION + " at most: upgrade perfgate to use this history");

    if (backend == Backend.SQLITE) {
      assertThat(Files.readAllBytes(sqliteFile(location))).isEqualTo(before);
    }
    assertThat(RunStoreTest.appliedMigrations(location)).containsExactly("1", "2", "7");
  }

  @Test
  void refusesAFileThatIsNotAnSqliteDatabaseAndLeavesItUnchanged() throws Exception {
    Path file = temporary.resolve("history.db");
    byte[] content = "{\"this\": \"is a JSON file, not a database\"}\n".repeat(200).getBytes();
    Files.write(file, content);

    assertThatThrownBy(() -> RunStore.open(file.toString(), CODEC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("sqlite:" + file + " is not a perfgate history database: it is not an SQLite file "
            + "(no 'SQLite format 3' header)");
    assertThatThrownBy(() -> RunStore.spooling(file.toString(), CODEC, temporary.resolve("spool")))
        .isInstanceOf(InvalidInputException.class);

    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(listing(temporary)).containsExactly("history.db");
  }

  @Test
  void refusesADamagedSqliteFileAndLeavesItUnchanged() throws Exception {
    Path file = temporary.resolve("history.db");
    byte[] content = new byte[8192];
    System.arraycopy("SQLite format 3\0".getBytes(), 0, content, 0, 16);
    java.util.Arrays.fill(content, 16, content.length, (byte) 0x5a);
    Files.write(file, content);

    assertThatThrownBy(() -> RunStore.open("sqlite:" + file, CODEC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("sqlite:" + file + " is not a perfgate history database: ");
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
  }

  @Test
  void neverPutsThePasswordIntoMessagesOnAWrongLogin() {
    PostgresCluster cluster = PostgresCluster.shared();
    String wrong = "postgresql://" + PostgresCluster.USER + ":wrong-Secret-42@127.0.0.1:" + cluster.port() + "/postgres";

    assertThatThrownBy(() -> RunStore.open(wrong, CODEC))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("postgresql://perfgate@127.0.0.1:" + cluster.port() + "/postgres")
        .hasMessageNotContaining("wrong-Secret-42");
  }

  private static Path sqliteFile(String location) {
    return StoreLocation.parse(location).sqliteFile().orElseThrow();
  }

  private static List<String> listing(Path directory) throws Exception {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
