package org.perfgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.InvalidInputException;
import picocli.CommandLine.Option;

/** Options of every command that ends in a comparison ({@code compare}, {@code ab}). */
final class ComparisonOptions {
  @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "0",
      description = "Changes within this are not regressions (relative budgets set their own). Default: ${DEFAULT-VALUE}%.")
  String tolerance;

  @Option(names = "--profile", description = "Budgets of this profile in perfgate.yaml (environment, data size).")
  String profile;

  @Option(names = {"-o", "--out"}, paramLabel = "TYPE=FILE",
      description = "Also write: json=FILE, junit=FILE, markdown=FILE, csv=FILE. Repeatable.")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--fail-on-inconclusive",
      description = "Exit 111 when a statistic cannot be decided (too few trials or too much noise for the tolerance).")
  boolean failOnInconclusive;

  @Option(names = "--no-color", description = "No ANSI colors.")
  boolean noColor;

  /** {@code --out} files by type, checked before any work. */
  Map<String, Path> outputFiles() {
    return Flags.outputs(outputs, ComparisonOutput.TYPES);
  }

  /** {@code --tolerance} in percent. */
  double tolerancePercent() {
    String number = tolerance.endsWith("%") ? tolerance.substring(0, tolerance.length() - 1) : tolerance;
    try {
      double parsed = Double.parseDouble(number.strip());
      if (parsed < 0 || !Double.isFinite(parsed)) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--tolerance '" + tolerance + "': expected a non-negative percentage such as 3%");
    }
  }

  Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  boolean color() {
    return !noColor && Terminal.isInteractive();
  }
}
