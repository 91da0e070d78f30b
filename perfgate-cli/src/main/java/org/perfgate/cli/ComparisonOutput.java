package org.perfgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.perfgate.model.Comparison;
import org.perfgate.report.Reports;

/** How {@code compare} and {@code ab} show a comparison: console report, {@code --out} files, exit code. */
final class ComparisonOutput {
  /** The {@code --out} types a comparison can be written as. */
  static final List<String> TYPES = List.of("json", "junit", "markdown", "csv");

  private ComparisonOutput() {}

  /** Prints and writes {@code comparison}; returns the exit code of its overall verdict. */
  static int report(Comparison comparison, Map<String, Path> files, boolean color, boolean failOnInconclusive,
      PrintWriter out, PrintWriter err) {
    out.print(Reports.comparisonConsole(comparison, color));
    out.flush();
    files.forEach((type, file) -> {
      switch (type) {
        case "json" -> Reports.writeComparisonJson(comparison, file);
        case "junit" -> Reports.writeComparisonJunit(comparison, file);
        case "csv" -> Reports.writeComparisonCsv(comparison, file);
        default -> TextFiles.write(file, Reports.comparisonMarkdown(comparison));
      }
      err.println("perfgate: wrote " + file);
    });
    return switch (comparison.overall()) {
      case REGRESSION -> ExitCode.REGRESSION.code();
      case INCONCLUSIVE -> failOnInconclusive ? ExitCode.INCONCLUSIVE.code() : ExitCode.OK.code();
      case NO_CHANGE, IMPROVEMENT -> ExitCode.OK.code();
    };
  }
}
