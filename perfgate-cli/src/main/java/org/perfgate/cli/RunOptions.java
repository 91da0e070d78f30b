package org.perfgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that runs a plan ({@code run}, {@code demo}). */
final class RunOptions {
  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
      description = "Set an environment variable for ${VAR} in the plan (overrides the process environment).")
  List<String> env = new ArrayList<>();

  @Option(names = {"-o", "--out"}, paramLabel = "TYPE=FILE",
      description = "Write results: json=FILE (full result with histograms), csv=FILE (per-second series). Repeatable.")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--summary-export", paramLabel = "FILE",
      description = "Write the end-of-test summary as JSON in k6's summary shape.")
  Path summaryExport;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Option(names = "--no-color", description = "No ANSI colors in the summary.")
  boolean noColor;

  @Option(names = "--http", paramLabel = "PROTOCOL", defaultValue = "http1",
      description = "HTTP client: http1 (HTTP/1.1 keep-alive) or h2c (HTTP/2 cleartext). Default: ${DEFAULT-VALUE}.")
  String http;

  @Option(names = "--vu-threads",
      description = "Run every VU on its own virtual thread instead of the event loops (one per core) that "
          + "http1 uses by default; the model before event loops, ~20% more CPU per request (bench/engine-models).")
  boolean vuThreads;

  @Option(names = "--trials", defaultValue = "1", paramLabel = "N",
      description = "Run the plan N times; the trials are stored as one group for 'perfgate compare'. Default: ${DEFAULT-VALUE}.")
  int trials;

  @Option(names = "--warmup-trials", defaultValue = "0", paramLabel = "N",
      description = "Run the plan N times first and discard those runs (JIT and caches warm up). Default: ${DEFAULT-VALUE}.")
  int warmupTrials;

  @Option(names = "--no-store", description = "Do not store the run in the history.")
  boolean noStore;

  @Option(names = "--label", paramLabel = "KEY=VALUE",
      description = "A label of this environment (e.g. runner=ci-large), part of the stored fingerprint. Repeatable.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "1", description = "Seed of think-time randomness. Default: ${DEFAULT-VALUE}.")
  long seed;

  /** The process environment with {@code -e} flags over it. */
  Map<String, String> mergedEnv(Map<String, String> processEnv) {
    Map<String, String> merged = new LinkedHashMap<>(processEnv);
    merged.putAll(Flags.keyValues("--env", env));
    return merged;
  }

  /** {@code --label} flags as a map. */
  Map<String, String> labelMap() {
    return Flags.keyValues("--label", labels);
  }

  /** {@code --out} values by type ({@code json}, {@code csv}). */
  Map<String, Path> outputFiles() {
    return Flags.outputs(outputs, List.of("json", "csv"));
  }
}
