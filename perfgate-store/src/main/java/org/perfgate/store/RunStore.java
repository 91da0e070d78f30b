package org.perfgate.store;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.perfgate.model.Comparison;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;

/**
 * The history of runs and the baselines named in it, in SQLite ({@code .perfgate/history.db}) or
 * PostgreSQL. Thread-safe; several processes may write one store at once (writes retry while the
 * database is busy). Failures: {@link org.perfgate.model.InvalidInputException} for a location that
 * is not a perfgate store (or is from a newer perfgate), {@link StoreUnavailableException} when it
 * cannot be reached. No message, log line or {@link #describe()} contains a password.
 */
public interface RunStore extends AutoCloseable {

  /**
   * Opens the store, creating it and migrating its schema to this version's as needed.
   *
   * @param location a path or {@code sqlite:PATH}; or {@code postgresql://[user[:password]@]host[:port]/db}
   *     ({@code ?param=value} passed to the driver); or a {@code jdbc:sqlite:} / {@code jdbc:postgresql:} URL
   * @throws org.perfgate.model.InvalidInputException the location is malformed, is not a perfgate
   *     history database, or was written by a newer perfgate; the file is left untouched
   * @throws StoreUnavailableException the store cannot be reached or created
   */
  static RunStore open(String location, RunCodec codec) {
    return JdbcRunStore.open(StoreLocation.parse(location), codec, Clock.systemUTC());
  }

  /**
   * Opens the store like {@link #open}, but never loses a run: if the store is unreachable now (or
   * later), {@link #save} writes the run atomically to {@code spoolDirectory} and still returns its id;
   * every other operation then throws {@link StoreUnavailableException}. When the store opens, runs
   * spooled earlier are imported into it and their files deleted.
   */
  static RunStore spooling(String location, RunCodec codec, Path spoolDirectory) {
    return SpoolingStore.open(StoreLocation.parse(location), codec, spoolDirectory, Clock.systemUTC());
  }

  /**
   * Stores one run and its metrics atomically.
   *
   * @return the new run's id: {@code yyyyMMdd-HHmmss-xxxx} of the run's start (UTC) plus 4 random
   *     base-32 characters; ids sort by start time
   */
  String save(RunMetadata metadata, RunResult result);

  /**
   * The run with this id, or with this unique id prefix of at least 4 characters.
   *
   * @throws org.perfgate.model.InvalidInputException the prefix matches several runs (listed)
   */
  Optional<StoredRun> find(String runId);

  /** Runs matching {@code query}, newest first, without decoding their results. */
  List<RunSummary> history(HistoryQuery query);

  /**
   * One statistic of one metric over the runs of a plan, oldest first: the newest {@code limit} runs
   * that recorded it (each trial of a group is its own point).
   *
   * @param metricKey the metric as stored, e.g. {@code http_req_duration} or {@code
   *     http_req_duration{name:login}}
   * @param statistic a stored statistic: {@code count, min, avg, p50, p90, p95, p99, p999, max} (trends),
   *     {@code rate} (counters, rates), {@code value} (gauges, rates)
   * @param branch only runs on this branch, when given
   * @param limit at most this many points, {@code >= 1}
   * @throws org.perfgate.model.InvalidInputException an unknown statistic (the message lists the allowed ones)
   */
  List<MetricPoint> metricHistory(
      String planName, String metricKey, String statistic, Optional<String> branch, int limit);

  /** The trials of one group, by trial number; empty for an unknown group. */
  List<StoredRun> trialGroup(String trialGroup);

  /**
   * Names the trial group of run {@code runId} (an id or unique prefix); an existing name is moved.
   *
   * @throws org.perfgate.model.InvalidInputException no such run
   */
  void saveBaseline(String name, String runId);

  Optional<Baseline> baseline(String name);

  /** Every baseline, by name. */
  List<Baseline> baselines();

  /** Removes a baseline name (not its runs); false when there was none. */
  boolean deleteBaseline(String name);

  /**
   * The trial group of the newest run of {@code planName} on {@code branch} and with {@code tag} (each
   * when given), not in {@code excludeGroup} (the group being compared).
   */
  Optional<String> latestGroup(
      String planName, Optional<String> branch, Optional<String> tag, Optional<String> excludeGroup);

  /**
   * Links the two sides of {@code comparison} (their trial groups and commits) with its overall
   * verdict, so the pair can be listed and compared again later.
   *
   * @param kind what made it, e.g. {@code ab}
   * @return the saved link, with its new id
   */
  SavedComparison saveComparison(String kind, String project, Comparison comparison);

  /** The newest {@code limit} saved comparisons ({@code >= 1}), newest first; of one plan when given. */
  List<SavedComparison> comparisons(Optional<String> planName, int limit);

  /**
   * Writes every run, oldest first, as JSON lines {@code {"id","metadata","result"}} where {@code
   * result} is the codec's JSON (or {@code resultBase64} when the codec's bytes are not JSON). The
   * output is stable: the same store exports the same bytes. The stream is not closed.
   */
  void exportTo(OutputStream out);

  /**
   * Reads lines written by {@link #exportTo}, skipping runs already present (same id).
   *
   * @return how many runs were imported
   * @throws org.perfgate.model.InvalidInputException a line is not an exported run ({@code line N: ...})
   */
  int importFrom(InputStream in);

  /** Where this store is, e.g. {@code sqlite:/x/.perfgate/history.db} or {@code postgresql://user@host:5432/db}; never a password. */
  String describe();

  @Override
  void close();
}
