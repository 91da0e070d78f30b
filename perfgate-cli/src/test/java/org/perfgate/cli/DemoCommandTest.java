package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.RunResult;
import org.perfgate.report.Reports;

@Tag("slow")
class DemoCommandTest {
  @TempDir Path directory;

  @Test
  void runsTheSamplePlanAgainstTheDemoServicePassingItsThresholds() {
    Path result = directory.resolve("reports/demo.json");
    long start = System.nanoTime();
    Cli.Outcome outcome = Cli.run(Map.of("PERFGATE_STORE", directory.resolve("history.db").toString()), "demo", "-q",
        "--no-color", "--result", result.toString());

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
    assertThat(outcome.err()).contains("demo service listening on http://127.0.0.1:");
    assertThat(outcome.out()).contains("scenario: browse").contains("scenario: shop").contains("{ name:login }");
    assertThat(result).isNotEmptyFile();
    RunResult run = Reports.readJson(result);
    assertThat(run.thresholds()).isNotEmpty().allMatch(t -> t.ok());
    assertThat(run.failures()).isEmpty();
    assertThat(outcome.err()).containsPattern("stored run \\S+ in sqlite:.*history.db");
  }

  @Test
  void printsTheSamplePlan() throws Exception {
    Cli.Outcome outcome = Cli.run("demo", "--print-plan");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains("scenarios:").contains("${BASE_URL}");
    assertThat(Files.exists(Path.of(".perfgate"))).isFalse();
  }
}
