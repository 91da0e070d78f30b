package org.perfgate.report;

import java.nio.file.Path;
import org.perfgate.model.PerfgateException;
import org.perfgate.model.RunResult;

/**
 * Every output of a run, from its {@link RunResult} alone. Stateless and thread-safe. File methods
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
}
