package org.perfgate.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.RunResult;
import org.perfgate.plan.ConfigLoader;
import org.perfgate.plan.PerfgateConfig;
import org.perfgate.report.Reports;
import org.perfgate.store.RunCodec;
import org.perfgate.store.RunStore;

/**
 * The project's settings as the CLI sees them: {@code perfgate.yaml}, the environment and flags,
 * layered flag > environment variable > perfgate.yaml > default.
 */
final class Workspace {
  static final String DEFAULT_STORE = ".perfgate/history.db";
  static final Path SPOOL = Path.of(".perfgate", "spool");

  /** Stores runs in the JSON format of {@code --out json=}. */
  static final RunCodec CODEC = new RunCodec() {
    @Override
    public byte[] encode(RunResult result) {
      return Reports.encodeJson(result).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public RunResult decode(byte[] bytes) {
      return Reports.decodeJson(new String(bytes, StandardCharsets.UTF_8));
    }
  };

  private final PerfgateConfig config;
  private final String storeLocation;
  private final Map<String, String> labels;

  private Workspace(PerfgateConfig config, String storeLocation, Map<String, String> labels) {
    this.config = config;
    this.storeLocation = storeLocation;
    this.labels = Map.copyOf(labels);
  }

  static Workspace load(StoreOptions options, Map<String, String> env) {
    Path file = options.config != null ? options.config : Path.of("perfgate.yaml");
    PerfgateConfig config = ConfigLoader.load(file, env, options.config != null);
    String location = options.store != null ? options.store
        : Optional.ofNullable(env.get("PERFGATE_STORE")).filter(s -> !s.isBlank())
            .orElse(config.store().orElse(DEFAULT_STORE));
    return new Workspace(config, location, config.labels());
  }

  /** The same workspace with {@code --label} flags over the config's labels. */
  Workspace withLabels(Map<String, String> flags) {
    Map<String, String> merged = new java.util.TreeMap<>(labels);
    merged.putAll(flags);
    return new Workspace(config, storeLocation, merged);
  }

  /** Labels of this environment, part of every stored run's fingerprint. */
  Map<String, String> labels() {
    return labels;
  }

  PerfgateConfig config() {
    return config;
  }

  /**
   * Opens the history store; if it cannot be reached when a run is saved, the run goes to
   * {@code .perfgate/spool/} and is imported on the next successful open.
   */
  RunStore openStore() {
    return RunStore.spooling(storeLocation, CODEC, SPOOL);
  }
}
