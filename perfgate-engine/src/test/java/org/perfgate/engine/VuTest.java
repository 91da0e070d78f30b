package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.ScriptedProtocol.Reply;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.metrics.MetricRegistry;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.ExecutorSpec;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;

class VuTest {
  @Test
  void measuresAnOpenModelIterationFromItsIntendedStartNotFromWhenItRan() {
    MetricRegistry registry = MetricRegistry.create(List.of());
    CompiledScenario scenario = new CompiledScenario(
        Plans.scenario("s", new ExecutorSpec.ConstantVus(1, Duration.ofSeconds(1)), Duration.ZERO,
            Plans.get("a", "http://t/a"), Plans.get("b", "http://t/b")),
        new SampleSinks(registry), new Failures(), Map.of(), new HashMap<>());
    ScriptedProtocol protocol = new ScriptedProtocol(request -> Reply.ok("{}"));

    try (Vu vu = new Vu(1, scenario, protocol.open(HttpClientOptions.DEFAULTS), 1, ConnectionReuse.ALWAYS)) {
      long fiftyMillisLate = System.nanoTime() - Duration.ofMillis(50).toNanos();
      assertThat(vu.iterate(fiftyMillisLate)).isTrue();
    }
    registry.closeInterval(0);

    // the first request carries the 50 ms the iteration started late; the second one does not
    // (49.9: HdrHistogram keeps 3 significant digits, so 50.01 ms may read back as 49.984)
    assertThat(minMillis(registry, MetricKey.of("http_req_duration", Map.of("name", "a")))).isGreaterThanOrEqualTo(49.9);
    assertThat(minMillis(registry, MetricKey.of("http_req_duration", Map.of("name", "b")))).isLessThan(49.9);
    assertThat(minMillis(registry, MetricKey.of("iteration_duration"))).isGreaterThanOrEqualTo(49.9);
  }

  private static double minMillis(MetricRegistry registry, MetricKey key) {
    MetricValues.Trend trend = (MetricValues.Trend) registry.total(key, Duration.ofSeconds(1)).orElseThrow();
    assertThat(trend.stats().count()).isEqualTo(1);
    return trend.stats().min();
  }
}
