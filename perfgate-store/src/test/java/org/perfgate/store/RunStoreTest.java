package org.perfgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfgate.store.TestRuns.T0;
import static org.perfgate.store.TestRuns.metadata;
import static org.perfgate.store.TestRuns.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricKey;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;
import org.perfgate.model.Verdict;

/** The store's contract, on SQLite and PostgreSQL alike. */
class RunStoreTest {
  private static final RunCodec CODEC = new JsonTestCodec();

  @TempDir Path temporary;

  private RunStore open(Backend backend) {
    return RunStore.open(backend.newLocation(temporary), CODEC);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void savesARunAndFindsItByIdWithEverythingItProduced(Backend backend) {
    try (RunStore store = open(backend)) {
      RunMetadata metadata = metadata("checkout", T0, "g1", 1);
      RunResult result = result("checkout", 1000, 120.5, true);

      String id = store.save(metadata, result);

      assertThat(id).matches("20261124-031500-[0-9a-z]{4}");
      assertThat(store.find(id)).contains(new StoredRun(id, metadata, result));
      assertThat(store.find("20261124-031500-zzzz-nope")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void savesComparisonsLinkingTwoTrialGroupsAndListsThemNewestFirst(Backend backend) {
    try (RunStore store = open(backend)) {
      RunMetadata base = metadata("checkout", T0, "ab-1-base", 1);
      RunMetadata head = metadata("checkout", T0.plusSeconds(5), "ab-1-head", 1);
      String baseRun = store.save(base, result("checkout", 1000, 120.5, true));
      String headRun = store.save(head, result("checkout", 1000, 180.5, true));
      Comparison regressed = new Comparison("checkout", new ComparedSide("base main", "ab-1-base", List.of(baseRun), base),
          new ComparedSide("head HEAD", "ab-1-head", List.of(headRun), head), List.of(),
          List.of(new BudgetResult(MetricKey.of("http_req_duration"), "p(95) < 150", false, 180.5, 150, false)), List.of());
      Comparison other = new Comparison("login", regressed.base(), regressed.head(), List.of(), List.of(), List.of());

      SavedComparison first = store.saveComparison("ab", "shop", regressed);
      SavedComparison second = store.saveComparison("ab", "shop", other);

      assertThat(first.id()).startsWith("cmp-");
      assertThat(first.verdict()).isEqualTo(Verdict.REGRESSION);
      assertThat(first.base()).isEqualTo(new SavedComparison.Side("base main", "ab-1-base", base.gitSha()));
      assertThat(first.head().trialGroup()).isEqualTo("ab-1-head");
      assertThat(store.comparisons(Optional.empty(), 10)).extracting(SavedComparison::id)
          .containsExactlyInAnyOrder(second.id(), first.id());
      assertThat(store.comparisons(Optional.of("checkout"), 10)).singleElement().satisfies(saved -> {
        assertThat(saved.id()).isEqualTo(first.id());
        assertThat(saved.kind()).isEqualTo("ab");
        assertThat(saved.project()).isEqualTo("shop");
        assertThat(saved.base()).isEqualTo(first.base());
        assertThat(saved.head()).isEqualTo(first.head());
        assertThat(saved.verdict()).isEqualTo(Verdict.REGRESSION);
      });
      assertThat(store.comparisons(Optional.of("login"), 10)).extracting(SavedComparison::verdict)
          .containsExactly(Verdict.NO_CHANGE);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void findsARunByAUniquePrefixAndListsTheMatchesOfAnAmbiguousOne(Backend backend) {
    try (RunStore store = open(backend)) {
      String first = store.save(metadata("checkout", T0, "g1", 1), result("checkout", 10, 1, true));
      String second = store.save(metadata("checkout", T0.plusSeconds(1), "g2", 1), result("checkout", 10, 1, true));

      assertThat(store.find(first.substring(0, 15))).map(StoredRun::id).contains(first);
      assertThat(store.find(second.substring(0, 15))).map(StoredRun::id).contains(second);
      assertThat(store.find("202")).isEmpty();
      assertThatThrownBy(() -> store.find("2026"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'2026' is ambiguous")
          .hasMessageContaining(first)
          .hasMessageContaining(second);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void listsHistoryNewestFirstFilteredByPlanBranchTagAndTime(Backend backend) {
    try (RunStore store = open(backend)) {
      String old = store.save(metadata("checkout", T0, "g1", 1, "main", null), result("checkout", 900, 100, true));
      String tagged = store.save(metadata("checkout", T0.plusSeconds(60), "g2", 1, "main", "v1.0"),
          result("checkout", 1000, 110, false));
      String feature = store.save(metadata("checkout", T0.plusSeconds(120), "g3", 1, "feature", null),
          result("checkout", 1100, 120, true));
      String other = store.save(metadata("search", T0.plusSeconds(180), "g4", 1, "main", null),
          TestRuns.resultWithoutHttp("search", "abortOnFail: http_req_failed rate<0.01"));

      assertThat(store.history(HistoryQuery.all())).extracting(RunSummary::id)
          .containsExactly(other, feature, tagged, old);
      assertThat(store.history(HistoryQuery.all().withPlanName("checkout").withBranch("main")))
          .extracting(RunSummary::id).containsExactly(tagged, old);
      assertThat(store.history(HistoryQuery.all().withTag("v1.0"))).extracting(RunSummary::id).containsExactly(tagged);
      assertThat(store.history(HistoryQuery.all().withSince(T0.plusSeconds(60)).withLimit(2)))
          .extracting(RunSummary::id).containsExactly(other, feature);

      List<RunSummary> summaries = store.history(HistoryQuery.all().withLimit(4));
      RunSummary taggedSummary = summaries.get(2);
      assertThat(taggedSummary.metadata()).isEqualTo(metadata("checkout", T0.plusSeconds(60), "g2", 1, "main", "v1.0"));
      assertThat(taggedSummary.thresholdsPassed()).isFalse();
      assertThat(taggedSummary.requests()).isEqualTo(1000);
      assertThat(taggedSummary.p95Millis()).isEqualTo(110);
      assertThat(taggedSummary.abortReason()).isEmpty();
      RunSummary withoutHttp = summaries.get(0);
      assertThat(withoutHttp.requests()).isZero();
      assertThat(withoutHttp.p95Millis()).isNaN();
      assertThat(withoutHttp.abortReason()).contains("abortOnFail: http_req_failed rate<0.01");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void readsOneStatisticOfAMetricOverAPlansRunsOldestFirstFilteredByBranch(Backend backend) {
    try (RunStore store = open(backend)) {
      String first = store.save(metadata("checkout", T0, "g1", 1), result("checkout", 900, 100, true));
      String second = store.save(metadata("checkout", T0.plusSeconds(60), "g1", 2), result("checkout", 900, 105, true));
      String feature = store.save(metadata("checkout", T0.plusSeconds(120), "g2", 1, "feature", null),
          result("checkout", 1000, 130, true));
      store.save(metadata("search", T0.plusSeconds(180), "g3", 1), result("search", 1000, 999, true));
      store.save(metadata("checkout", T0.plusSeconds(240), "g4", 1, "main", null),
          TestRuns.resultWithoutHttp("checkout", "aborted"));

      List<MetricPoint> all = store.metricHistory("checkout", "http_req_duration", "p95", Optional.empty(), 100);

      assertThat(all).extracting(MetricPoint::runId).containsExactly(first, second, feature);
      assertThat(all).extracting(MetricPoint::value).containsExactly(100.0, 105.0, 130.0);
      assertThat(all.get(1)).isEqualTo(new MetricPoint(second, "g1", 2, T0.plusSeconds(60),
          Optional.of("0123456789abcdef0123456789abcdef01234567"), Optional.of("main"), 105));
      assertThat(store.metricHistory("checkout", "http_req_duration", "p95", Optional.of("main"), 100))
          .extracting(MetricPoint::runId).containsExactly(first, second);
      assertThat(store.metricHistory("checkout", "http_req_duration", "p95", Optional.empty(), 2))
          .extracting(MetricPoint::runId).containsExactly(second, feature);
      assertThat(store.metricHistory("checkout", "http_reqs", "count", Optional.empty(), 100))
          .extracting(MetricPoint::value).containsExactly(900.0, 900.0, 1000.0);
      assertThat(store.metricHistory("checkout", "http_req_duration{name:login,status:200}", "p95", Optional.empty(),
          100)).hasSize(3);
      assertThat(store.metricHistory("nope", "http_req_duration", "p95", Optional.empty(), 100)).isEmpty();
      assertThatThrownBy(() -> store.metricHistory("checkout", "http_req_duration", "p95; DROP TABLE runs",
          Optional.empty(), 10))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("unknown statistic 'p95; DROP TABLE runs': expected one of count, min, avg, p50, p90, p95, p99,"
              + " p999, max, rate, value");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void returnsTheTrialsOfAGroupByTrialNumber(Backend backend) {
    try (RunStore store = open(backend)) {
      for (int trial : new int[] {3, 1, 2}) {
        store.save(metadata("checkout", T0.plusSeconds(trial), "group-a", trial), result("checkout", trial, 1, true));
      }
      store.save(metadata("checkout", T0, "group-b", 1), result("checkout", 1, 1, true));

      assertThat(store.trialGroup("group-a")).extracting(run -> run.metadata().trial()).containsExactly(1, 2, 3);
      assertThat(store.trialGroup("group-a").get(1).result()).isEqualTo(result("checkout", 2, 1, true));
      assertThat(store.trialGroup("no-such-group")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesMovesListsAndDeletesBaselines(Backend backend) {
    try (RunStore store = open(backend)) {
      String first = store.save(metadata("checkout", T0, "g1", 2), result("checkout", 1, 1, true));
      String second = store.save(metadata("checkout", T0.plusSeconds(5), "g2", 1), result("checkout", 1, 1, true));
      Instant before = Instant.now();

      store.saveBaseline("main", first.substring(0, 16));
      store.saveBaseline("release", second);

      Baseline main = store.baseline("main").orElseThrow();
      assertThat(main.trialGroup()).isEqualTo("g1");
      assertThat(main.runId()).isEqualTo(first);
      assertThat(main.savedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
      store.saveBaseline("main", second);
      assertThat(store.baseline("main")).map(Baseline::trialGroup).contains("g2");
      assertThat(store.baselines()).extracting(Baseline::name).containsExactly("main", "release");
      assertThat(store.deleteBaseline("main")).isTrue();
      assertThat(store.deleteBaseline("main")).isFalse();
      assertThat(store.baseline("main")).isEmpty();
      assertThatThrownBy(() -> store.saveBaseline("x", "20991231-000000-0000"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no run '20991231-000000-0000'");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void findsTheLatestGroupOfAPlanByBranchOrTagExcludingTheGroupUnderComparison(Backend backend) {
    try (RunStore store = open(backend)) {
      store.save(metadata("checkout", T0, "main-1", 1, "main", "v1"), result("checkout", 1, 1, true));
      store.save(metadata("checkout", T0.plusSeconds(10), "main-2", 1, "main", null), result("checkout", 1, 1, true));
      store.save(metadata("checkout", T0.plusSeconds(20), "pr-7", 1, "feature", null), result("checkout", 1, 1, true));
      store.save(metadata("search", T0.plusSeconds(30), "search-1", 1, "main", null), result("search", 1, 1, true));

      Optional<String> none = Optional.empty();
      assertThat(store.latestGroup("checkout", none, none, none)).contains("pr-7");
      assertThat(store.latestGroup("checkout", none, none, Optional.of("pr-7"))).contains("main-2");
      assertThat(store.latestGroup("checkout", Optional.of("main"), none, none)).contains("main-2");
      assertThat(store.latestGroup("checkout", none, Optional.of("v1"), none)).contains("main-1");
      assertThat(store.latestGroup("checkout", Optional.of("feature"), none, Optional.of("pr-7"))).isEmpty();
      assertThat(store.latestGroup("nothing", none, none, none)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void movesHistoryToTheOtherBackendByExportAndImport(Backend backend) {
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    List<String> ids;
    try (RunStore source = open(backend)) {
      ids = List.of(
          source.save(metadata("checkout", T0.plusNanos(1), "g1", 1), result("checkout", 1000, 120.25, true)),
          source.save(metadata("checkout", T0.plusSeconds(1), "g1", 2, "main", "v2"), result("checkout", 7, 0.1, false)),
          source.save(metadata("search", T0.plusSeconds(2), "g2", 1), TestRuns.resultWithoutHttp("search", "stop")));
      source.exportTo(exported);
    }
    String lines = exported.toString(StandardCharsets.UTF_8);
    assertThat(lines.lines()).hasSize(3).allMatch(line -> line.startsWith("{\"id\":\"") && line.contains("\"result\":{"));

    try (RunStore target = open(backend.other())) {
      assertThat(target.importFrom(new ByteArrayInputStream(exported.toByteArray()))).isEqualTo(3);
      assertThat(target.importFrom(new ByteArrayInputStream(exported.toByteArray()))).isZero();

      assertThat(target.find(ids.get(1))).map(StoredRun::result).contains(result("checkout", 7, 0.1, false));
      assertThat(target.find(ids.get(0))).map(run -> run.metadata().time()).contains(T0.plusNanos(1));
      assertThat(target.history(HistoryQuery.all())).extracting(RunSummary::id).containsExactlyElementsOf(ids.reversed());
      assertThat(target.history(HistoryQuery.all()).get(2).p95Millis()).isEqualTo(120.25);
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      target.exportTo(again);
      assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(lines);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rejectsAnImportLineThatIsNotAnExportedRun(Backend backend) {
    try (RunStore store = open(backend)) {
      String input = "\n{\"id\":\"x1\",\"metadata\":{\"environment\":{}}}\n";
      assertThatThrownBy(() -> store.importFrom(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("line 2: missing text field \"cpuModel\"");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void createsTheSchemaOnFirstOpenAndReopensWithoutMigratingAgain(Backend backend) throws Exception {
    String location = backend.newLocation(temporary);
    String id;
    try (RunStore store = RunStore.open(location, CODEC)) {
      id = store.save(metadata("checkout", T0, "g1", 1), result("checkout", 1, 1, true));
    }
    assertThat(appliedMigrations(location)).containsExactly("1", "2");
    try (RunStore store = RunStore.open(location, CODEC)) {
      assertThat(store.find(id)).isPresent();
    }
    assertThat(appliedMigrations(location)).containsExactly("1", "2");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void upgradesASchemaOneStoreKeepingItsRuns(Backend backend) throws Exception {
    String location = backend.newLocation(temporary);
    String id;
    try (RunStore store = RunStore.open(location, CODEC)) {
      id = store.save(metadata("checkout", T0, "g1", 1), result("checkout", 1, 1, true));
    }
    // what a store written by the previous version (schema 1) looks like
    try (Connection connection = Backend.connect(location); Statement statement = connection.createStatement()) {
      statement.executeUpdate("DROP TABLE comparisons");
      statement.executeUpdate("DELETE FROM perfgate_schema_history WHERE version = '2'");
    }
    assertThat(appliedMigrations(location)).containsExactly("1");

    try (RunStore store = RunStore.open(location, CODEC)) {
      assertThat(store.find(id)).isPresent();
      assertThat(store.comparisons(Optional.empty(), 10)).isEmpty();
    }
    assertThat(appliedMigrations(location)).containsExactly("1", "2");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void describesItsLocationWithoutThePassword(Backend backend) {
    String location = backend.newLocation(temporary);
    try (RunStore store = RunStore.open(location, CODEC)) {
      if (backend == Backend.SQLITE) {
        assertThat(store.describe()).isEqualTo("sqlite:" + temporary.resolve("project/.perfgate/history.db"));
      } else {
        assertThat(store.describe()).startsWith("postgresql://perfgate@127.0.0.1:").doesNotContain(PostgresCluster.PASSWORD);
      }
    }
  }

  static List<String> appliedMigrations(String location) throws Exception {
    return firstColumn(location,
        "SELECT version FROM perfgate_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
  }

  static List<String> tables(String location) throws Exception {
    return firstColumn(location,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
  }

  private static List<String> firstColumn(String location, String query) throws Exception {
    try (Connection connection = Backend.connect(location);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      List<String> values = new java.util.ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }
}
