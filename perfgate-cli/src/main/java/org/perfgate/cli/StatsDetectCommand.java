package org.perfgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.perfgate.model.InvalidInputException;
import org.perfgate.stats.ChangePoint;
import org.perfgate.stats.ChangePoints;
import org.perfgate.stats.DetectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate stats detect --series FILE}: change points in a series of numbers, one per line,
 * in order. Exit code 0 whatever is found (finding a change is information, not a failure), 104 for
 * bad input.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {
        "Find change points in a series: one number per line, in order (e.g. a metric per commit);"
            + " blank lines and '#' comments are ignored.",
        "E-divisive means with a permutation test (as Apache Otava); prints each change point's index (0-based,"
            + " the first value after the change), the segment means before and after, the change and its p-value.",
        "Exit codes: 0 whatever is found; 104 bad input."})
final class StatsDetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--series", required = true, paramLabel = "FILE", description = "The values, one per line, in order.")
  Path series;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.01",
      description = "A change point needs a permutation p-value below this. Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(names = "--min-segment", paramLabel = "N", defaultValue = "5",
      description = "The fewest values between change points. Default: ${DEFAULT-VALUE}.")
  int minSegment;

  @Override
  public Integer call() {
    DetectOptions options = options(alpha, minSegment);
    double[] values = StatsCommand.StatsCompareCommand.readNumbers(series, "series file", false);
    List<ChangePoint> points = ChangePoints.detect(values, options);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? toJson(values.length, points) : toText(values.length, points, options));
    out.flush();
    return ExitCode.OK.code();
  }

  /** The default options with {@code --alpha} and {@code --min-segment}; bad values are bad input. */
  static DetectOptions options(double alpha, int minSegment) {
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new InvalidInputException("--alpha " + alpha + ": expected a number between 0 and 0.5, e.g. 0.01");
    }
    if (minSegment < 2) {
      throw new InvalidInputException("--min-segment " + minSegment + ": expected at least 2");
    }
    DetectOptions defaults = DetectOptions.defaults();
    // Enough permutations that p can fall below alpha: 199, or 2/alpha - 1 for small alphas.
    int permutations = Math.max(defaults.permutations(), (int) Math.ceil(2 / alpha) - 1);
    return defaults.withAlpha(alpha).withMinSegment(minSegment).withPermutations(permutations);
  }

  static String toText(int count, List<ChangePoint> points, DetectOptions options) {
    String settings = " in " + count + " values (alpha " + StatsCommand.StatsCompareCommand.number(options.alpha())
        + ", " + options.permutations() + " permutations, min segment " + options.minSegment() + ")\n";
    if (points.isEmpty()) {
      return "no change points" + settings;
    }
    StringBuilder text = new StringBuilder();
    text.append(points.size()).append(points.size() == 1 ? " change point" : " change points").append(settings);
    text.append(String.format(Locale.ROOT, "%5s  %-21s  %8s  %7s%n", "INDEX", "BEFORE → AFTER", "CHANGE", "P"));
    for (ChangePoint point : points) {
      text.append(String.format(Locale.ROOT, "%5d  %-21s  %8s  %7s%n", point.index(), means(point),
          percent(point.changePercent()), pValue(point.pValue())));
    }
    return text.toString();
  }

  static String means(ChangePoint point) {
    return StatsCommand.StatsCompareCommand.number(point.meanBefore()) + " → "
        + StatsCommand.StatsCompareCommand.number(point.meanAfter());
  }

  static String percent(double percent) {
    return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", percent);
  }

  static String pValue(double p) {
    return String.format(Locale.ROOT, "%.4f", p);
  }

  private static String toJson(int count, List<ChangePoint> points) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ChangePoint point : points) {
      list.add(fields(point));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("values", count);
    root.put("changePoints", list);
    return json(root);
  }

  /** A change point's components in order, NaN as null. */
  static Map<String, Object> fields(ChangePoint point) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("index", point.index());
    fields.put("meanBefore", point.meanBefore());
    fields.put("meanAfter", point.meanAfter());
    fields.put("changePercent", Double.isNaN(point.changePercent()) ? null : point.changePercent());
    fields.put("pValue", point.pValue());
    return fields;
  }

  static String json(Object value) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
