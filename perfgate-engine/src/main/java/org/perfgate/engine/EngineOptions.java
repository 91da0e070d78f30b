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
 */
public record EngineOptions(HttpClientOptions http, Map<String, String> processEnv, long seed, RunListener listener) {
  public EngineOptions {
    Objects.requireNonNull(http, "http");
    processEnv = Map.copyOf(processEnv);
    Objects.requireNonNull(listener, "listener");
  }

  /** Defaults: k6's HTTP timeouts, empty environment, seed 1, no listener. */
  public static EngineOptions defaults() {
    return new EngineOptions(HttpClientOptions.DEFAULTS, Map.of(), 1, status -> {});
  }
}
