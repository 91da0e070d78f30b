package org.perfgate.engine;

import java.util.Map;
import java.util.Objects;
import org.perfgate.engine.spi.HttpClientOptions;

/**
 * How to run a plan.
 *
 * @param http client settings for every VU
 * @param processEnv the environment {@code {{__ENV.NAME}}} falls back to after the scenario's env
 * @param seed seeds think-time randomness, so runs are repeatable
 * @param listener told once per second how the run goes (called on the engine's ticker thread)
 * @param eventLoops run VUs on event loops (one per core) when the protocol is non-blocking; false
 *     runs every VU on a virtual thread (the model before event loops, kept for comparison)
 */
public record EngineOptions(HttpClientOptions http, Map<String, String> processEnv, long seed, RunListener listener,
    boolean eventLoops) {
  public EngineOptions {
    Objects.requireNonNull(http, "http");
    processEnv = Map.copyOf(processEnv);
    Objects.requireNonNull(listener, "listener");
  }

  /** Event loops where the protocol allows them. */
  public EngineOptions(HttpClientOptions http, Map<String, String> processEnv, long seed, RunListener listener) {
    this(http, processEnv, seed, listener, true);
  }

  /** These options with {@code eventLoops} replaced. */
  public EngineOptions withEventLoops(boolean eventLoops) {
    return new EngineOptions(http, processEnv, seed, listener, eventLoops);
  }

  /** Defaults: k6's HTTP timeouts, empty environment, seed 1, no listener. */
  public static EngineOptions defaults() {
    return new EngineOptions(HttpClientOptions.DEFAULTS, Map.of(), 1, status -> {});
  }
}
