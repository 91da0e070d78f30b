package org.perfgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;
import org.perfgate.stats.CompareOptions;
import org.perfgate.stats.TrialComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code perfgate stats}: statistics on trial values measured elsewhere; the work is in the subcommands. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Statistics on values measured elsewhere: compare a baseline's trials with a candidate's, find"
        + " change points in a series.",
    subcommands = {StatsCommand.StatsCompareCommand.class, StatsDetectCommand.class})
final class StatsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code perfgate stats compare --base FILE --head FILE}: the verdict on two sets of trials, one
   * number per trial. Exit code 0 for no change or an improvement (and for inconclusive unless
   * {@code --fail-on-inconclusive}), 110 for a regression, 111 when the data cannot tell and that
   * was asked to fail, 104 for bad input.
   */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = {
          "Compare trials of a baseline and a candidate: one number per trial (e.g. each trial's p95 latency),"
              + " one per line; blank lines and '#' comments are ignored.",
          "Mann-Whitney U test and Hodges-Lehmann change of the log values, with its confidence interval and"
              + " the minimum detectable effect (MDE).",
          "Exit codes: 0 no change, improvement or inconclusive; 110 regression; 111 inconclusive with"
              + " --fail-on-inconclusive; 104 bad input."})
  static final class StatsCompareCommand implements Callable<Integer> {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)%?");

    @Spec CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "FILE", description = "The baseline's trial values.")
    Path base;

    @Option(names = "--head", required = true, paramLabel = "FILE", description = "The candidate's trial values.")
    Path head;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "0%",
        description = "Changes within this are neither a regression nor an improvement, e.g. 3%%."
            + " Default: ${DEFAULT-VALUE}.")
    String tolerance;

    @Option(names = "--higher-is-better", description = "Throughput-like values: a decrease is the regression.")
    boolean higherIsBetter;

    @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.01",
        description = "Significance level; the confidence interval is at 1 - LEVEL. Default: ${DEFAULT-VALUE}.")
    String alpha;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--fail-on-inconclusive",
        description = "Exit 111 when the data cannot tell (too few trials or too much noise for the tolerance).")
    boolean failOnInconclusive;

    @Override
    public Integer call() {
      CompareOptions options = CompareOptions.defaults()
          .withTolerancePercent(parseTolerance(tolerance))
          .withAlpha(parseAlpha(alpha))
          .withHigherIsBetter(higherIsBetter);
      TrialStatistics statistics = TrialComparison.compare(readTrials(base), readTrials(head), options);
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? toJson(statistics) : toText(statistics, options));
      out.flush();
      return switch (statistics.verdict()) {
        case REGRESSION -> ExitCode.REGRESSION.code();
        case INCONCLUSIVE -> failOnInconclusive ? ExitCode.INCONCLUSIVE.code() : ExitCode.OK.code();
        case NO_CHANGE, IMPROVEMENT -> ExitCode.OK.code();
      };
    }

    /** One positive number per line; blank lines and {@code #} comments (whole-line or trailing) ignored. */
    static double[] readTrials(Path file) {
      double[] values = readNumbers(file, "trial file", true);
      if (values.length < 2) {
        throw new InvalidInputException(file + ": expected at least 2 values (one per trial), got " + values.length);
      }
      return values;
    }

    /**
     * One number per line, {@code > 0} when {@code positive}; blank lines and {@code #} comments
     * (whole-line or trailing) ignored. {@code kind} names the file in messages ("trial file").
     */
    static double[] readNumbers(Path file, String kind, boolean positive) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(kind + " not found: " + file);
      } catch (MalformedInputException e) {
        throw new InvalidInputException("cannot read " + kind + " " + file + ": it is not UTF-8 text");
      } catch (AccessDeniedException e) {
        throw new InvalidInputException("cannot read " + kind + " " + file + ": permission denied");
      } catch (IOException e) {
        throw new InvalidInputException("cannot read " + kind + " " + file + ": " + e.getMessage());
      }
      double[] values = new double[lines.size()];
      int count = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int comment = line.indexOf('#');
        String text = (comment < 0 ? line : line.substring(0, comment)).strip();
        if (text.isEmpty()) {
          continue;
        }
        if (!NUMBER.matcher(text).matches()) {
          throw new InvalidInputException(file + ":" + (i + 1) + ": expected a number, got '" + text + "'");
        }
        double value = Double.parseDouble(text);
        if (positive && (!(value > 0) || Double.isInfinite(value))) {
          throw new InvalidInputException(file + ":" + (i + 1) + ": expected a number > 0 (changes are compared as"
              + " ratios), got '" + text + "'");
        }
        if (Double.isInfinite(value)) {
          throw new InvalidInputException(file + ":" + (i + 1) + ": expected a finite number, got '" + text + "'");
        }
        values[count++] = value;
      }
      return Arrays.copyOf(values, count);
    }

    private static double parseTolerance(String text) {
      Matcher matcher = PERCENT.matcher(text.strip());
      if (!matcher.matches()) {
        throw new InvalidInputException("--tolerance '" + text + "': expected a percentage >= 0, e.g. 3%");
      }
      return Double.parseDouble(matcher.group(1));
    }

    private static double parseAlpha(String text) {
      String stripped = text.strip();
      double value = NUMBER.matcher(stripped).matches() ? Double.parseDouble(stripped) : Double.NaN;
      if (!(value > 0 && value < 0.5)) {
        throw new InvalidInputException("--alpha '" + text + "': expected a number between 0 and 0.5, e.g. 0.01");
      }
      return value;
    }

    /** Compact human form: medians, change with its interval, p-value, MDE, verdict. */
    static String toText(TrialStatistics s, CompareOptions options) {
      String confidence = percentLabel(s.confidence());
      String interval = Double.isInfinite(s.ciHighPercent())
          ? confidence + " CI unbounded"
          : confidence + " CI " + signed(s.ciLowPercent()) + " to " + signed(s.ciHighPercent());
      String mde = Double.isInfinite(s.mdePercent())
          ? "unbounded (too few trials for alpha " + number(options.alpha()) + ")"
          : String.format(Locale.ROOT, "%.1f%%", s.mdePercent());
      StringBuilder text = new StringBuilder();
      text.append("baseline: median ").append(number(s.baseMedian())).append(" (").append(s.baseTrials())
          .append(" trials)\n");
      text.append("current:  median ").append(number(s.headMedian())).append(" (").append(s.headTrials())
          .append(" trials)\n");
      text.append("change:   ").append(signed(s.changePercent())).append(" (").append(interval).append("), p ")
          .append(pValue(s.pValue())).append('\n');
      text.append("MDE:      ").append(mde).append(", tolerance ").append(number(s.tolerancePercent())).append("%, ")
          .append(s.higherIsBetter() ? "higher" : "lower").append(" is better\n");
      text.append("verdict:  ").append(s.verdict().label());
      if (s.verdict() == Verdict.INCONCLUSIVE) {
        text.append(" (changes smaller than the MDE cannot be told from noise: add trials or raise --tolerance)");
      }
      return text.append('\n').toString();
    }

    /** The record's components in order, {@code verdict} as its label, infinities as null. */
    static String toJson(TrialStatistics statistics) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (RecordComponent component : TrialStatistics.class.getRecordComponents()) {
        Object value;
        try {
          value = component.getAccessor().invoke(statistics);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component.getName(), e);
        }
        if (value instanceof Verdict verdict) {
          value = verdict.label();
        } else if (value instanceof Double number && !Double.isFinite(number)) {
          value = null; // JSON has no infinity: an unbounded interval end or MDE
        }
        fields.put(component.getName(), value);
      }
      try {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
    }

    private static String signed(double percent) {
      return String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    private static String pValue(double p) {
      return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", p);
    }

    private static String percentLabel(double fraction) {
      return number(fraction * 100) + "%";
    }

    /** Four significant digits, whole numbers from 1000 on, no exponent, no trailing zeros. */
    static String number(double value) {
      BigDecimal decimal = BigDecimal.valueOf(value);
      BigDecimal rounded = Math.abs(value) >= 1000
          ? decimal.setScale(0, RoundingMode.HALF_EVEN)
          : decimal.round(new MathContext(4, RoundingMode.HALF_EVEN));
      String text = rounded.stripTrailingZeros().toPlainString();
      return text.equals("-0") ? "0" : text;
    }
  }
}
