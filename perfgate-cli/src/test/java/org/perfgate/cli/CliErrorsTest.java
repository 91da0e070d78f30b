package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {
  @TempDir Path directory;

  private Path plan(String yaml) throws IOException {
    return Files.writeString(directory.resolve("plan.yaml"), yaml);
  }

  @Test
  void rejectsAMissingPlanFileWithTheInvalidInputCode() {
    Path missing = directory.resolve("nope.yaml");
    Cli.Outcome outcome = Cli.run("run", missing.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).startsWith("perfgate: error: ").contains(missing.toString()).doesNotContain("\tat ");
    assertThat(outcome.err().lines()).hasSize(1);
  }

  @Test
  void rejectsMalformedYamlNamingFileLineAndColumn() throws IOException {
    Path file = plan("options:\n  scenarios:\n    a: [unclosed\n");
    Cli.Outcome outcome = Cli.run("run", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.err()).startsWith("perfgate: error: " + file + ":").doesNotContain("\tat ");
    assertThat(outcome.err().lines()).hasSize(1);
  }

  @Test
  void rejectsAnUnknownExecutorWithTheExactMessage() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            a:
              executor: constant-vu
              vus: 1
              duration: 1s
              flow:
                - request: { url: "http://127.0.0.1:1/" }
        """);
    Cli.Outcome outcome = Cli.run("run", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.err()).startsWith("perfgate: error: " + file + ":4:17: options.scenarios.a.executor: ")
        .contains("constant-vu").contains("constant-vus");
  }

  @Test
  void rejectsAThresholdOnAnUnknownMetric() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            a: { executor: constant-vus, vus: 1, duration: 1s, flow: [ { request: { url: "http://127.0.0.1:1/" } } ] }
          thresholds:
            http_req_duraton: ['p(95)<500']
        """);
    Cli.Outcome outcome = Cli.run("run", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.err()).startsWith("perfgate: error: " + file + ":5:").contains("http_req_duraton")
        .contains("http_req_duration");
  }

  @Test
  void rejectsAnUnknownOutputTypeBeforeRunning() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            a: { executor: per-vu-iterations, flow: [ { request: { url: "http://127.0.0.1:1/" } } ] }
        """);
    Cli.Outcome outcome = Cli.run("run", "-q", "--out", "xml=out.xml", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).isEqualTo(
        "perfgate: error: --out 'xml=out.xml': unknown output type 'xml'; expected json=FILE or csv=FILE\n");
  }

  @Test
  void rejectsAnUnknownProtocol() throws IOException {
    Path file = plan("""
        options:
          scenarios:
            a: { executor: per-vu-iterations, flow: [ { request: { url: "http://127.0.0.1:1/" } } ] }
        """);
    Cli.Outcome outcome = Cli.run("run", "-q", "--http", "spdy", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.err()).startsWith("perfgate: error: --http 'spdy': unknown protocol; expected one of [")
        .contains("http1").contains("h2c");
  }

  @Test
  void rejectsAnUnknownOptionWithTheUsageCode() {
    Cli.Outcome outcome = Cli.run("run", "--bogus", "plan.yaml");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("perfgate: Unknown option: '--bogus'");
  }

  @Test
  void rejectsAMalformedEnvFlag() throws IOException {
    Path file = plan("options: {}\n");
    Cli.Outcome outcome = Cli.run("run", "-e", "NOEQUALS", file.toString());

    assertThat(outcome.exitCode()).isEqualTo(104);
    assertThat(outcome.err()).isEqualTo("perfgate: error: --env 'NOEQUALS': expected KEY=VALUE\n");
  }

  @Test
  void printsVersion() {
    Cli.Outcome outcome = Cli.run("--version");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).startsWith("perfgate ");
  }
}
