package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsDetectCommandTest {
  /** 20 values near 100, then 20 near 120: one change at index 20. */
  private static final String STEP = "# p95 per commit, ms\n" + "100.3\n99.1\n100.8\n99.6\n100.2\n".repeat(4)
      + "120.4\n119.2\n120.9\n119.7\n120.1\n".repeat(4);

  @TempDir Path directory;

  private String file(String content) throws IOException {
    return Files.writeString(directory.resolve("series.txt"), content).toString();
  }

  @Test
  void printsTheChangePointIndexWithTheMeansAroundIt() throws IOException {
    Cli.Outcome outcome = Cli.run("stats", "detect", "--series", file(STEP));

    assertThat(outcome.out()).isEqualTo("""
        1 change point in 40 values (alpha 0.01, 199 permutations, min segment 5)
        INDEX  BEFORE → AFTER           CHANGE        P
           20  100 → 120.1              +20.1%   0.0050
        """);
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void printsJson() throws IOException {
    Cli.Outcome outcome = Cli.run("stats", "detect", "--series", file(STEP), "--json");

    assertThat(outcome.out()).startsWith("{\n  \"values\" : 40,\n  \"changePoints\" : [ {\n    \"index\" : 20,");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void saysSoWhenThereIsNoChange() throws IOException {
    Cli.Outcome outcome = Cli.run("stats", "detect", "--series", file("100.3\n99.1\n100.8\n99.6\n100.2\n".repeat(8)));

    assertThat(outcome.out()).isEqualTo("no change points in 40 values (alpha 0.01, 199 permutations, min segment 5)\n");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void rejectsALineThatIsNotANumberWithItsPosition() throws IOException {
    String series = file("1\n2\nabc\n");

    Cli.Outcome outcome = Cli.run("stats", "detect", "--series", series);

    assertThat(outcome.err()).isEqualTo("perfgate: error: " + series + ":3: expected a number, got 'abc'\n");
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.exitCode()).isEqualTo(104);
  }

  @Test
  void rejectsAMissingFile() {
    Cli.Outcome outcome = Cli.run("stats", "detect", "--series", directory.resolve("nope.txt").toString());

    assertThat(outcome.err()).isEqualTo("perfgate: error: series file not found: " + directory.resolve("nope.txt")
        + "\n");
    assertThat(outcome.exitCode()).isEqualTo(104);
  }
}
