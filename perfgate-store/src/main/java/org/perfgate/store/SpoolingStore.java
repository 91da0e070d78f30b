package org.perfgate.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perfgate.model.Comparison;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;
import org.slf4j.Logger;

/**
 * A store that never loses a run: while the real store is unreachable, {@link #save} writes the run
 * as one export line to {@code <spool>/<id>.json} (a temporary file, then an atomic move), and the
 * next successful open imports and deletes those files. Reads need the real store.
 */
final class SpoolingStore implements RunStore {
  private static final Logger LOG = SqlFailures.LOG;
  private static final String SUFFIX = ".json";
  private static final int ID_ATTEMPTS = 8;

  private final StoreLocation location;
  private final RunCodec codec;
  private final Path spool;
  private final RunIds ids = new RunIds(new SecureRandom());
  private final JdbcRunStore store;
  private final StoreUnavailableException unavailable;

  private SpoolingStore(StoreLocation location, RunCodec codec, Path spool, JdbcRunStore store,
      StoreUnavailableException unavailable) {
    this.location = location;
    this.codec = codec;
    this.spool = spool;
    this.store = store;
    this.unavailable = unavailable;
  }

  static RunStore open(StoreLocation location, RunCodec codec, Path spool, Clock clock) {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(spool, "spool");
    JdbcRunStore store = null;
    try {
      store = JdbcRunStore.open(location, codec, clock);
      importSpooled(store, spool);
      return new SpoolingStore(location, codec, spool, store, null);
    } catch (StoreUnavailableException e) {
      if (store != null) {
        store.close();
      }
      LOG.warn("{}; runs are spooled to {} until it is back", e.getMessage(), spool);
      return new SpoolingStore(location, codec, spool, null, e);
    }
  }

  /** Imports every spooled run into {@code store}, deleting each file once its run is stored. */
  static int importSpooled(JdbcRunStore store, Path spool) {
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(spool, "*" + SUFFIX)) {
      entries.forEach(files::add);
    } catch (IOException e) {
      // The store itself is fine: it opens, and the spooled runs wait for the next open.
      LOG.warn("cannot list spooled runs in {} ({}); they stay there until the next open", spool, e.toString());
      return 0;
    }
    files.sort(null);
    int imported = 0;
    for (Path file : files) {
      try {
        RunJson.Line line = RunJson.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8).strip());
        if (store.saveWithId(line.id(), line.metadata(), line.codecBytes())) {
          imported++;
        }
        Files.deleteIfExists(file);
      } catch (InvalidInputException e) {
        // One damaged file must not block every later open: set it aside for a person to look at.
        Path rejected = file.resolveSibling(file.getFileName() + ".rejected");
        LOG.warn("spooled run {} cannot be imported ({}); moved to {}", file, e.getMessage(), rejected);
        try {
          Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moveFailure) {
          LOG.warn("cannot move {} aside ({}); it will be tried again", file, moveFailure.toString());
        }
      } catch (IOException e) {
        LOG.warn("cannot import spooled run {} ({}); it stays there until the next open", file, e.toString());
      }
    }
    if (imported > 0) {
      LOG.info("imported {} spooled run(s) from {} into {}", imported, spool, store.describe());
    }
    return imported;
  }

  @Override
  public String save(RunMetadata metadata, RunResult result) {
    if (store != null) {
      try {
        return store.save(metadata, result);
      } catch (StoreUnavailableException e) {
        return spool(metadata, result, e);
      }
    }
    return spool(metadata, result, unavailable);
  }

  private String spool(RunMetadata metadata, RunResult result, StoreUnavailableException cause) {
    Objects.requireNonNull(metadata, "metadata");
    byte[] bytes = codec.encode(result);
    try {
      Files.createDirectories(spool);
      for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
        String id = ids.next(metadata.time());
        Path target = spool.resolve(id + SUFFIX);
        if (Files.exists(target)) {
          continue; // an id drawn twice in one second: draw another rather than replace a run
        }
        Path temporary = Files.createTempFile(spool, id + "-", ".tmp");
        try {
          Files.write(temporary, RunJson.line(id, metadata, bytes));
          // A rename within one directory is atomic: an importer sees a whole file or none.
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
          LOG.warn("run {} spooled to {}: {}", id, spool, cause.getMessage());
          return id;
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
      throw new IOException("no free run id in " + spool + " after " + ID_ATTEMPTS + " attempts");
    } catch (IOException e) {
      StoreUnavailableException lost = new StoreUnavailableException(
          cause.getMessage() + "; and the run could not be spooled to " + spool + ": " + e, e);
      lost.addSuppressed(cause);
      throw lost;
    }
  }

  private JdbcRunStore store() {
    if (store == null) {
      throw new StoreUnavailableException(unavailable.getMessage(), unavailable);
    }
    return store;
  }

  @Override
  public Optional<StoredRun> find(String runId) {
    return store().find(runId);
  }

  @Override
  public List<RunSummary> history(HistoryQuery query) {
    return store().history(query);
  }

  @Override
  public List<MetricPoint> metricHistory(
      String planName, String metricKey, String statistic, Optional<String> branch, int limit) {
    return store().metricHistory(planName, metricKey, statistic, branch, limit);
  }

  @Override
  public List<StoredRun> trialGroup(String trialGroup) {
    return store().trialGroup(trialGroup);
  }

  @Override
  public void saveBaseline(String name, String runId) {
    store().saveBaseline(name, runId);
  }

  @Override
  public SavedComparison saveComparison(String kind, String project, Comparison comparison) {
    return store().saveComparison(kind, project, comparison);
  }

  @Override
  public List<SavedComparison> comparisons(Optional<String> planName, int limit) {
    return store().comparisons(planName, limit);
  }

  @Override
  public Optional<Baseline> baseline(String name) {
    return store().baseline(name);
  }

  @Override
  public List<Baseline> baselines() {
    return store().baselines();
  }

  @Override
  public boolean deleteBaseline(String name) {
    return store().deleteBaseline(name);
  }

  @Override
  public Optional<String> latestGroup(
      String planName, Optional<String> branch, Optional<String> tag, Optional<String> excludeGroup) {
    return store().latestGroup(planName, branch, tag, excludeGroup);
  }

  @Override
  public void exportTo(OutputStream out) {
    store().exportTo(out);
  }

  @Override
  public int importFrom(InputStream in) {
    return store().importFrom(in);
  }

  @Override
  public String describe() {
    return location.description();
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
