package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.RunResult;

class ReportFilesTest {
  @TempDir Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"json", "csv", "summary-export"})
  void createsMissingDirectoriesAndLeavesNoTemporaryFile(String format) throws Exception {
    Path file = directory.resolve("missing").resolve("deeper").resolve("out." + format);

    writer(format).accept(Fixtures.full(), file);

    assertThat(file).isNotEmptyFile();
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "csv", "summary-export"})
  void namesTheFileAndCauseWhenTheParentIsAFile(String format) throws Exception {
    Path notADirectory = Files.writeString(directory.resolve("plain"), "x");
    Path file = notADirectory.resolve("out." + format);

    assertThatThrownBy(() -> writer(format).accept(Fixtures.full(), file))
        .isInstanceOf(PerfgateException.class)
        .hasMessage("cannot write " + file + ": " + notADirectory + " is not a directory");
  }

  @Test
  void namesTheCauseWhenTheTargetIsADirectory() {
    assertThatThrownBy(() -> Reports.writeJson(Fixtures.full(), directory))
        .isInstanceOf(PerfgateException.class)
        .hasMessage("cannot write " + directory + ": Is a directory");
  }

  @Test
  void namesTheFileWhenReadingAMissingOne() {
    Path file = directory.resolve("nope.json");

    assertThatThrownBy(() -> Reports.readJson(file))
        .isInstanceOf(PerfgateException.class)
        .hasMessage("cannot read " + file + ": No such file or directory");
  }

  private static BiConsumer<RunResult, Path> writer(String format) {
    return switch (format) {
      case "json" -> Reports::writeJson;
      case "csv" -> Reports::writeCsv;
      default -> Reports::writeSummaryExport;
    };
  }
}
