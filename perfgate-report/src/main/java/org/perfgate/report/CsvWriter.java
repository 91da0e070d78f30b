package org.perfgate.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.TrendStats;

/**
 * The per-second series as CSV ({@code --out csv=FILE}): fields quoted as RFC 4180 says when they
 * hold a comma, a quote or a line break; lines end in LF, as k6's CSV output (Go's encoding/csv)
 * does, rather than RFC 4180's CRLF, which every CSV reader accepts either way. One row per {@link SeriesPoint}, in series order:
 *
 * <pre>second,metric,tags,type,count,rate,value,avg,min,med,max,p90,p95,p99,p999</pre>
 *
 * <p>{@code tags} is k6's filter text {@code k:v,k2:v2} (empty for a whole metric). Per type, the
 * other columns stay empty: trend: {@code count} and the statistics (time trends in ms); counter:
 * {@code count} and {@code rate} per second; rate: {@code count} samples, {@code value} non-zero
 * samples, {@code rate} their share; gauge: {@code value}, {@code min}, {@code max}. Numbers are in
 * plain decimal notation, shortest exact form.
 */
final class CsvWriter {
  static final String HEADER = "second,metric,tags,type,count,rate,value,avg,min,med,max,p90,p95,p99,p999";
  private static final String LINE_END = "\n";

  private CsvWriter() {}

  static void write(RunResult run, Writer writer) throws IOException {
    writer.write(HEADER);
    writer.write(LINE_END);
    for (SeriesPoint point : run.series()) {
      writer.write(row(point));
      writer.write(LINE_END);
    }
  }

  static String row(SeriesPoint point) {
    // count, rate, value, avg, min, med, max, p90, p95, p99, p999
    String[] cells = new String[11];
    Arrays.fill(cells, "");
    String type = switch (point.values()) {
      case MetricValues.Trend trend -> {
        TrendStats stats = trend.stats();
        cells[0] = Long.toString(stats.count());
        double[] statistics = {stats.avg(), stats.min(), stats.med(), stats.max(), stats.p90(), stats.p95(),
            stats.p99(), stats.p999()};
        for (int i = 0; i < statistics.length; i++) {
          cells[3 + i] = Units.plainShortest(statistics[i]);
        }
        yield "trend";
      }
      case MetricValues.Counter counter -> {
        cells[0] = Units.plainShortest(counter.count());
        cells[1] = Units.plainShortest(counter.ratePerSecond());
        yield "counter";
      }
      case MetricValues.Rate rate -> {
        cells[0] = Long.toString(rate.passes() + rate.fails());
        cells[1] = Units.plainShortest(rate.rate());
        cells[2] = Long.toString(rate.passes());
        yield "rate";
      }
      case MetricValues.Gauge gauge -> {
        cells[2] = Units.plainShortest(gauge.value());
        cells[4] = Units.plainShortest(gauge.min());
        cells[6] = Units.plainShortest(gauge.max());
        yield "gauge";
      }
    };
    StringBuilder row = new StringBuilder()
        .append(point.second()).append(',')
        .append(quote(point.key().name())).append(',')
        .append(quote(MetricRow.tagText(point.key()))).append(',')
        .append(type);
    for (String cell : cells) {
      row.append(',').append(cell);
    }
    return row.toString();
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
