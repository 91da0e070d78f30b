package org.perfgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.perfgate.engine.Engine;
import org.perfgate.engine.EngineOptions;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.Plan;
import org.perfgate.model.RunResult;
import org.perfgate.report.Reports;

/** Runs a loaded plan with progress, prints the summary, writes outputs, decides the exit code. */
final class PlanRunner {
  private final RunOptions options;
  private final PrintWriter out;
  private final PrintWriter err;

  PlanRunner(RunOptions options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** Also writes a JSON result to {@code defaultJson} when no {@code --out json=} was given. */
  ExitCode run(Plan plan, Map<String, String> env, Path defaultJson) {
    Map<String, Path> outputs = options.outputFiles(); // checked before a possibly long run
    if (defaultJson != null) {
      outputs.putIfAbsent("json", defaultJson);
    }
    Progress progress = new Progress(err, options.quiet, Terminal.isInteractive());
    EngineOptions engineOptions = new EngineOptions(HttpClientOptions.DEFAULTS, env, options.seed, progress);
    Engine engine = Engine.create(plan, protocol(options.http), engineOptions);
    CountDownLatch reported = new CountDownLatch(1);
    // Ctrl-C stops the load but still prints and writes what ran, as k6 does: the hook holds the
    // JVM's exit until the summary and result files are out.
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
      if (result.abortReason().isPresent()) {
        return ExitCode.ABORTED;
      }
      return result.thresholdsPassed() ? ExitCode.OK : ExitCode.THRESHOLDS_FAILED;
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(interruptHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting (Ctrl-C): the hook is running and waited for us
      }
    }
  }

  ExitCode run(Plan plan, Map<String, String> env) {
    return run(plan, env, null);
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
    if (options.summaryExport != null) {
      Reports.writeSummaryExport(result, options.summaryExport);
      err.println("perfgate: wrote " + options.summaryExport);
    }
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
}
