package org.perfgate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.perfgate.engine.Engine;
import org.perfgate.engine.EngineOptions;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.Plan;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;
import org.perfgate.report.Reports;
import org.perfgate.store.RunStore;

/**
 * Runs a loaded plan for its trials with progress, prints each summary, writes outputs, stores
 * each trial in the history, and decides the exit code.
 */
final class PlanRunner {
  private static final DateTimeFormatter GROUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final RunOptions options;
  private final PrintWriter out;
  private final PrintWriter err;

  PlanRunner(RunOptions options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /**
   * @param planText the plan's source text, hashed to tell plans apart in the history
   * @param defaultJson where the JSON result goes when no {@code --out json=} is given, or null
   * @param workspace where runs are stored, or null for {@code --no-store}
   */
  ExitCode run(Plan plan, String planText, Map<String, String> env, Path defaultJson, Workspace workspace) {
    Map<String, Path> outputs = options.outputFiles(); // checked before a possibly long run
    if (defaultJson != null) {
      outputs.putIfAbsent("json", defaultJson);
    }
    if (options.trials < 1) {
      throw new InvalidInputException("--trials " + options.trials + ": expected a whole number >= 1");
    }
    if (options.warmupTrials < 0) {
      throw new InvalidInputException("--warmup-trials " + options.warmupTrials + ": expected a whole number >= 0");
    }
    HttpProtocol protocol = protocol(options.http);
    RunStore store = workspace == null ? null : workspace.openStore();
    try {
      String group = "g" + GROUP_TIME.format(java.time.Instant.now()) + "-"
          + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
      Metadata metadata = store == null ? null : new Metadata(workspace, env, plan, planText, group);
      for (int warmup = 1; warmup <= options.warmupTrials; warmup++) {
        err.println("perfgate: warm-up trial " + warmup + " of " + options.warmupTrials + " (not reported, not stored)");
        if (warmUp(plan, env, protocol).abortReason().isPresent()) {
          return ExitCode.ABORTED;
        }
      }
      boolean thresholdsFailed = false;
      for (int trial = 1; trial <= options.trials; trial++) {
        if (options.trials > 1) {
          err.println("perfgate: trial " + trial + " of " + options.trials);
        }
        RunResult result = runOnce(plan, env, protocol, trialFiles(outputs, trial), store, metadata, trial);
        thresholdsFailed |= !result.thresholdsPassed();
        if (result.abortReason().isPresent()) {
          return ExitCode.ABORTED;
        }
      }
      return thresholdsFailed ? ExitCode.THRESHOLDS_FAILED : ExitCode.OK;
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }

  private RunResult warmUp(Plan plan, Map<String, String> env, HttpProtocol protocol) {
    Progress progress = new Progress(err, options.quiet, Terminal.isInteractive());
    RunResult result = Engine.create(plan, protocol,
        new EngineOptions(HttpClientOptions.DEFAULTS, env, options.seed, progress, !options.vuThreads)).run();
    progress.finish();
    return result;
  }

  private RunResult runOnce(Plan plan, Map<String, String> env, HttpProtocol protocol, Map<String, Path> outputs,
      RunStore store, Metadata metadata, int trial) {
    Progress progress = new Progress(err, options.quiet, Terminal.isInteractive());
    EngineOptions engineOptions =
        new EngineOptions(HttpClientOptions.DEFAULTS, env, options.seed, progress, !options.vuThreads);
    Engine engine = Engine.create(plan, protocol, engineOptions);
    CountDownLatch reported = new CountDownLatch(1);
    // Ctrl-C stops the load but still prints, writes and stores what ran, as k6 does: the hook
    // holds the JVM's exit until that is done.
    Thread interruptHook = new Thread(() -> {
      engine.abort("interrupted");
      try {
        reported.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "perfgate-interrupt");
    Runtime.getRuntime().addShutdownHook(interruptHook);
    try {
      RunResult result = engine.run();
      progress.finish();
      report(result, outputs);
      if (store != null) {
        String id = store.save(metadata.of(result, trial), result);
        err.println("perfgate: stored run " + id + " in " + store.describe());
      }
      return result;
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(interruptHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting (Ctrl-C): the hook is running and waited for us
      }
    }
  }

  private void report(RunResult result, Map<String, Path> outputs) {
    out.print(Reports.consoleSummary(result, !options.noColor && Terminal.isInteractive()));
    out.flush();
    Path json = outputs.get("json");
    if (json != null) {
      Reports.writeJson(result, json);
      err.println("perfgate: wrote " + json);
    }
    Path csv = outputs.get("csv");
    if (csv != null) {
      Reports.writeCsv(result, csv);
      err.println("perfgate: wrote " + csv);
    }
    Path summary = outputs.get("summary-export");
    if (summary != null) {
      Reports.writeSummaryExport(result, summary);
      err.println("perfgate: wrote " + summary);
    }
  }

  /** With several trials each writes its own files: {@code result.json} → {@code result-trial2.json}. */
  private Map<String, Path> trialFiles(Map<String, Path> outputs, int trial) {
    Map<String, Path> files = new LinkedHashMap<>(outputs);
    if (options.summaryExport != null) {
      files.put("summary-export", options.summaryExport);
    }
    if (options.trials == 1) {
      return files;
    }
    files.replaceAll((type, file) -> {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String trialName = dot > 0 ? name.substring(0, dot) + "-trial" + trial + name.substring(dot) : name + "-trial" + trial;
      return file.resolveSibling(trialName);
    });
    return files;
  }

  static HttpProtocol protocol(String name) {
    List<String> known = new ArrayList<>();
    for (HttpProtocol protocol : ServiceLoader.load(HttpProtocol.class)) {
      if (protocol.name().equals(name)) {
        return protocol;
      }
      known.add(protocol.name());
    }
    throw new InvalidInputException("--http '" + name + "': unknown protocol; expected one of " + known);
  }

  /** What every trial of this run shares in its stored metadata. */
  private record Metadata(String project, String planName, String planHash, GitInfo git,
      org.perfgate.model.EnvironmentFingerprint environment, String group) {
    Metadata(Workspace workspace, Map<String, String> env, Plan plan, String planText, String group) {
      this(workspace, GitInfo.detect(Path.of("").toAbsolutePath(), env), plan, planText, group);
    }

    private Metadata(Workspace workspace, GitInfo git, Plan plan, String planText, String group) {
      this(workspace.config().project().or(git::project)
              .orElse(Path.of("").toAbsolutePath().getFileName().toString()),
          plan.name(), sha256(planText), git, Fingerprint.current(workspace.labels()), group);
    }

    RunMetadata of(RunResult result, int trial) {
      return new RunMetadata(project, planName, planHash, git.sha(), git.branch(), git.tag(), result.started(),
          environment, group, trial);
    }

    private static String sha256(String text) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }
}
