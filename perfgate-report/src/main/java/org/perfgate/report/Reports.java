package org.perfgate.report;

import java.nio.file.Path;
import org.perfgate.model.Comparison;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.RunResult;

/**
 * Every output of a run, from its {@link RunResult} alone, and of a comparison of runs, from its
 * {@link Comparison} alone. Stateless and thread-safe. File methods
 * create or replace the file (UTF-8) and throw {@link PerfgateException} naming the file and the
 * cause when they cannot, e.g. {@code cannot write /x/y.json: No such file or directory}.
 */
public final class Reports {
  private Reports() {}

  /**
   * The end-of-test summary in k6's layout: header, failures by reason, checks per scenario, one
   * line per metric with thresholds marked ✓/✗ and listed under their metric. Ends with a line end.
   *
   * @param color whether to use ANSI colours; {@code false} gives plain text
   */
  public static String consoleSummary(RunResult result, boolean color) {
    return ConsoleSummary.render(result, color);
  }

  /**
   * {@code --out json=FILE}: the whole result, including encoded histograms and the per-second
   * series; {@link #readJson} reads it back to an equal RunResult. Durations are ISO-8601
   * ({@code PT30S}); the format is documented on the implementation and versioned by its
   * {@code format} field.
   */
  public static void writeJson(RunResult result, Path file) {
    ReportFiles.write(file, writer -> JsonCodec.write(result, writer));
  }

  /**
   * {@code --out csv=FILE}: one row per second and (sub-)metric, header
   * {@code second,metric,tags,type,count,rate,value,avg,min,med,max,p90,p95,p99,p999}; time trends
   * in milliseconds.
   */
  public static void writeCsv(RunResult result, Path file) {
    ReportFiles.write(file, writer -> CsvWriter.write(result, writer));
  }

  /**
   * {@code --summary-export FILE}: k6's end-of-test summary data as {@code handleSummary(data)}
   * receives it ({@code metrics}, {@code root_group}, {@code options}, {@code state}), time trends
   * in milliseconds.
   */
  public static void writeSummaryExport(RunResult result, Path file) {
    ReportFiles.write(file, writer -> SummaryExport.write(result, writer));
  }

  /**
   * Reads a file written by {@link #writeJson}; the result equals the one written. Throws
   * {@link PerfgateException} naming the file, and the line and column or JSON path of the problem,
   * when it cannot.
   */
  public static RunResult readJson(Path file) {
    return ReportFiles.read(file, JsonReader::read);
  }

  /**
   * The JSON of {@link #writeJson} as a string: what the history store keeps for each run.
   */
  public static String encodeJson(RunResult result) {
    java.io.StringWriter text = new java.io.StringWriter();
    try {
      JsonCodec.write(result, text);
    } catch (java.io.IOException impossible) {
      throw new java.io.UncheckedIOException("a StringWriter does not fail", impossible);
    }
    return text.toString();
  }

  /**
   * Reads {@link #encodeJson}'s string; throws {@link PerfgateException} saying what is wrong when
   * it is not a perfgate result.
   */
  public static RunResult decodeJson(String json) {
    try {
      return JsonReader.read(new java.io.StringReader(json));
    } catch (java.io.IOException e) {
      throw new PerfgateException("not a perfgate result: " + e.getMessage(), e);
    }
  }

  /**
   * The console report of {@code perfgate compare} / {@code ab}: both sides, a table (metric,
   * statistic, baseline, current, change, confidence interval, p-value, MDE, verdict mark), budgets
   * marked ✓/✗, warnings, and the overall verdict as the last line. Ends with a line end.
   *
   * @param color whether to use ANSI colours; {@code false} gives plain text
   */
  public static String comparisonConsole(Comparison comparison, boolean color) {
    return ComparisonConsole.render(comparison, color);
  }

  /**
   * The whole comparison as JSON ({@code format: perfgate-comparison/1}, documented on the
   * implementation), plus its overall verdict for jq; {@link #readComparisonJson} reads it back to an
   * equal Comparison.
   */
  public static void writeComparisonJson(Comparison comparison, Path file) {
    ReportFiles.write(file, writer -> ComparisonJson.write(comparison, writer));
  }

  /**
   * Reads a file written by {@link #writeComparisonJson}; the result equals the one written. Throws
   * {@link PerfgateException} naming the file, and the line and column or JSON path of the problem,
   * when it cannot.
   */
  public static Comparison readComparisonJson(Path file) {
    return ReportFiles.read(file, ComparisonJsonReader::read);
  }

  /**
   * JUnit XML, which CI servers show natively: one {@code <testsuite name="perfgate: PLAN">}, one
   * {@code <testcase>} per compared statistic and per budget; regressions and broken budgets are
   * {@code <failure>}s with the numbers in the message, inconclusive comparisons {@code <skipped>}.
   */
  public static void writeComparisonJunit(Comparison comparison, Path file) {
    ReportFiles.write(file, writer -> ComparisonJunit.write(comparison, writer));
  }

  /**
   * GitHub-flavoured Markdown to post as a pull-request comment: a heading with the overall
   * verdict's emoji, a table (metric | baseline | current | change (CI) | verdict), budgets,
   * warnings, and a collapsed section with p-values, MDEs, trial counts, environments and run ids.
   * Ends with a line end.
   */
  public static String comparisonMarkdown(Comparison comparison) {
    return ComparisonMarkdown.render(comparison);
  }

  /**
   * CSV with one row per compared statistic and per budget, header
   * {@code kind,metric,tags,statistic,unit,baseline,current,change_percent,...,budget,relative,observed,limit,ok};
   * fields quoted as RFC 4180 says.
   */
  public static void writeComparisonCsv(Comparison comparison, Path file) {
    ReportFiles.write(file, writer -> ComparisonCsv.write(comparison, writer));
  }
}
