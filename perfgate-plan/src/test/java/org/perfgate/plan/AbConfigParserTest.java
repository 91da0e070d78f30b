package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfgate.model.InvalidInputException;

class AbConfigParserTest {
  private static final Map<String, String> ENV = Map.of("HEAP", "256m", "PORT", "9999");

  private static AbConfig ab(String yaml) {
    return ConfigLoader.parse(yaml, "perfgate.yaml", ENV).ab().orElseThrow();
  }

  private static String errorOf(String yaml) {
    try {
      ConfigLoader.parse(yaml, "perfgate.yaml", ENV);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void parsesTheIssueExample() {
    AbConfig ab = ab("""
        ab:
          build: ./build.sh
          artifact: target/app.jar
          start: java -jar ${ARTIFACT} --port ${PORT}
          env: { JAVA_OPTS: "-Xmx${HEAP}" }
          ready: { http: "http://127.0.0.1:${PORT}/health", timeout: 30s }
          warmup: 5s
          plans: [perf/plan.yaml]
          trials: 10
        """);

    assertThat(ab.build()).isEqualTo("./build.sh");
    assertThat(ab.artifact()).contains("target/app.jar");
    assertThat(ab.start()).isEqualTo("java -jar ${ARTIFACT} --port ${PORT}");
    assertThat(ab.env()).containsExactly(Map.entry("JAVA_OPTS", "-Xmx256m"));
    assertThat(ab.ready()).isEqualTo(
        new AbConfig.Readiness.Http("http://127.0.0.1:${PORT}/health", Duration.ofSeconds(30)));
    assertThat(ab.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(ab.plans()).containsExactly("perf/plan.yaml");
    assertThat(ab.trials()).isEqualTo(10);
    assertThat(ab.tagPattern()).isEqualTo("v*");
  }

  @Test
  void appliesDefaultsAndAcceptsALogLineProbeAndOnePlan() {
    AbConfig ab = ab("""
        ab:
          build: "true"
          start: python3 service.py ${PORT}
          ready: { log: Started }
          plans: perf/plan.yaml
        """);

    assertThat(ab.artifact()).isEmpty();
    assertThat(ab.env()).isEmpty();
    assertThat(ab.ready()).isEqualTo(new AbConfig.Readiness.LogLine("Started", AbConfig.DEFAULT_READY_TIMEOUT));
    assertThat(ab.warmup()).isZero();
    assertThat(ab.plans()).containsExactly("perf/plan.yaml");
    assertThat(ab.trials()).isEqualTo(AbConfig.DEFAULT_TRIALS);
    assertThat(ab.warmupIterations()).isZero();
    assertThat(ab.firstRequest()).isEmpty();
    assertThat(ab.mode()).isEmpty();
    assertThat(ab.keepBuilds()).isEqualTo(AbConfig.DEFAULT_KEEP_BUILDS);
  }

  @Test
  void readsAWarmUpAsADurationOrAsIterations() {
    String rest = "build: b, start: s, ready: { log: x }, plans: [p]";
    assertThat(ab("ab: { " + rest + ", warmup: 5s }\n").warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(ab("ab: { " + rest + ", warmup: { duration: 2s } }\n").warmup()).isEqualTo(Duration.ofSeconds(2));
    AbConfig iterations = ab("ab: { " + rest + ", warmup: { iterations: 300 } }\n");
    assertThat(iterations.warmup()).isZero();
    assertThat(iterations.warmupIterations()).isEqualTo(300);
    assertThat(errorOf("ab: { " + rest + ", warmup: { iterations: 3, duration: 1s } }\n"))
        .isEqualTo("perfgate.yaml:1:68: ab.warmup: set either 'duration' or 'iterations', not both");
    assertThat(errorOf("ab: { " + rest + ", warmup: { iterations: -3 } }\n"))
        .isEqualTo("perfgate.yaml:1:80: ab.warmup.iterations: expected a positive whole number, got '-3'");
  }

  @Test
  void readsModeFirstRequestAndBuildsToKeep() {
    AbConfig ab = ab("""
        ab:
          build: b
          start: s
          ready: { log: x }
          plans: [p]
          mode: sequential
          firstRequest: http://127.0.0.1:${PORT}/api/items
          keepBuilds: 4
        """);

    assertThat(ab.mode()).contains("sequential");
    assertThat(ab.firstRequest()).contains("http://127.0.0.1:${PORT}/api/items");
    assertThat(ab.keepBuilds()).isEqualTo(4);
    assertThat(errorOf("ab: { build: b, start: s, ready: { log: x }, plans: [p], mode: parallel }\n"))
        .isEqualTo("perfgate.yaml:1:64: ab.mode: expected duet or sequential, got 'parallel'");
    assertThat(errorOf("ab: { build: b, start: s, ready: { log: x }, plans: [p], keepBuilds: 1 }\n"))
        .isEqualTo("perfgate.yaml:1:70: ab.keepBuilds: expected at least 2 (a base and a head), got 1");
  }

  @Test
  void substitutesPlaceholdersOutsideTheAbSectionAsUsual() {
    PerfgateConfig config = ConfigLoader.parse("""
        project: p${PORT}
        ab: { build: b, start: "s ${PORT:-1}", ready: { log: x }, plans: [p] }
        """, "perfgate.yaml", ENV);

    assertThat(config.project()).contains("p9999");
    assertThat(config.ab().orElseThrow().start()).isEqualTo("s 9999"); // a default means "from the environment"
  }

  @Test
  void hasNoAbSectionByDefault() {
    assertThat(ConfigLoader.parse("project: x\n", "perfgate.yaml", ENV).ab()).isEmpty();
    assertThat(PerfgateConfig.empty().ab()).isEqualTo(Optional.empty());
  }

  @Test
  void rejectsUnknownFieldWithAHint() {
    assertThat(errorOf("""
        ab:
          build: b
          strat: s
          ready: { log: x }
          plans: [p]
        """)).startsWith("perfgate.yaml:3:3: ab: unknown field 'strat' (did you mean 'start'?); expected one of build,");
  }

  @Test
  void rejectsMissingRequiredFields() {
    assertThat(errorOf("ab:\n  start: s\n  ready: { log: x }\n  plans: [p]\n"))
        .isEqualTo("perfgate.yaml:1:1: ab: missing required field 'build'");
    assertThat(errorOf("ab:\n  build: b\n  ready: { log: x }\n  plans: [p]\n"))
        .isEqualTo("perfgate.yaml:1:1: ab: missing required field 'start'");
    assertThat(errorOf("ab:\n  build: b\n  start: s\n  plans: [p]\n"))
        .isEqualTo("perfgate.yaml:1:1: ab: missing required field 'ready'");
    assertThat(errorOf("ab:\n  build: b\n  start: s\n  ready: { log: x }\n"))
        .isEqualTo("perfgate.yaml:1:1: ab: missing required field 'plans'");
  }

  @Test
  void rejectsBadDurations() {
    assertThat(errorOf("ab: { build: b, start: s, ready: { log: x }, plans: [p], warmup: 5 }\n"))
        .startsWith("perfgate.yaml:1:66: ab.warmup: expected a duration such as 500ms")
        .endsWith("(a plain number is not a duration: add a unit, e.g. 5s)");
    assertThat(errorOf("ab: { build: b, start: s, ready: { log: x, timeout: 0s }, plans: [p] }\n"))
        .startsWith("perfgate.yaml:1:53: ab.ready.timeout: expected a positive duration");
  }

  @Test
  void rejectsAProbeThatIsNeitherOrBoth() {
    assertThat(errorOf("ab: { build: b, start: s, ready: { timeout: 1s }, plans: [p] }\n"))
        .isEqualTo("perfgate.yaml:1:27: ab.ready: missing readiness probe; expected one of http, log");
    assertThat(errorOf("ab: { build: b, start: s, ready: { http: u, log: x }, plans: [p] }\n"))
        .isEqualTo("perfgate.yaml:1:45: ab.ready: set either 'http' or 'log', not both");
  }

  @Test
  void rejectsBadTrialsAndEmptyPlans() {
    assertThat(errorOf("ab: { build: b, start: s, ready: { log: x }, plans: [p], trials: 0 }\n"))
        .isEqualTo("perfgate.yaml:1:66: ab.trials: expected a positive whole number, got '0'");
    assertThat(errorOf("ab: { build: b, start: s, ready: { log: x }, plans: [] }\n"))
        .isEqualTo("perfgate.yaml:1:53: ab.plans: expected at least one plan file, got an empty list");
  }

  @Test
  void recordRejectsInvalidValues() {
    assertThatThrownBy(() -> ab("ab: { build: b, start: s, ready: { log: x }, plans: [p] }\n").withTrials(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ab("ab: { build: b, start: s, ready: { log: x }, plans: [p] }\n").withTrials(3).trials()).isEqualTo(3);
  }
}
