package org.perfgate.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.TrialStatistics;

/**
 * A comparison as CSV, for spreadsheets and scripts: one row per compared statistic, then one per
 * budget, under one header:
 *
 * <pre>kind,metric,tags,statistic,unit,baseline,current,change_percent,ci_low_percent,ci_high_percent,
 * confidence,p_value,mde_percent,tolerance_percent,base_trials,head_trials,higher_is_better,verdict,
 * budget,relative,observed,limit,ok</pre>
 *
 * <p>{@code kind} is {@code metric} or {@code budget}; a row leaves the other kind's columns empty.
 * {@code tags} is k6's filter text {@code k:v,k2:v2}; {@code baseline} and {@code current} are the
 * medians in {@code unit}; percentages are numbers in percent ({@code 5.2} is 5.2 %). A budget row's
 * {@code observed} and {@code limit} are as in {@code BudgetResult}, its {@code unit} says which:
 * {@code %} for relative budgets (worsening in percent), {@code ms} for time metrics, empty otherwise
 * (rates as fractions, as budgets are written). {@code verdict} is
 * {@code Verdict.label()} ({@code no change}). Numbers are plain decimals in their shortest exact
 * form; NaN and infinities are {@code n/a} (which pandas reads as missing). Fields are quoted as RFC
 * 4180 says; lines end in LF, as the series CSV's do.
 */
final class ComparisonCsv {
  static final String HEADER = "kind,metric,tags,statistic,unit,baseline,current,change_percent,ci_low_percent,"
      + "ci_high_percent,confidence,p_value,mde_percent,tolerance_percent,base_trials,head_trials,higher_is_better,"
      + "verdict,budget,relative,observed,limit,ok";

  private ComparisonCsv() {}

  static void write(Comparison comparison, Writer writer) throws IOException {
    writer.write(HEADER);
    writer.write('\n');
    for (MetricComparison metric : comparison.metrics()) {
      writer.write(row(metric));
      writer.write('\n');
    }
    for (BudgetResult budget : comparison.budgets()) {
      writer.write(row(comparison, budget));
      writer.write('\n');
    }
  }

  static String row(MetricComparison metric) {
    TrialStatistics statistics = metric.statistics();
    return join(List.of("metric", metric.key().name(), MetricRow.tagText(metric.key()), metric.statistic(),
        metric.unit(), number(statistics.baseMedian()), number(statistics.headMedian()),
        number(statistics.changePercent()), number(statistics.ciLowPercent()), number(statistics.ciHighPercent()),
        number(statistics.confidence()), number(statistics.pValue()), number(statistics.mdePercent()),
        number(statistics.tolerancePercent()), Integer.toString(statistics.baseTrials()),
        Integer.toString(statistics.headTrials()), Boolean.toString(statistics.higherIsBetter()),
        statistics.verdict().label(), "", "", "", "", ""));
  }

  static String row(Comparison comparison, BudgetResult budget) {
    return join(List.of("budget", budget.key().name(), MetricRow.tagText(budget.key()), "",
        ComparisonFormat.budgetUnit(comparison, budget), "", "", "", "", "", "", "", "", "", "", "", "", "",
        budget.expression(), Boolean.toString(budget.relative()), number(budget.observed()), number(budget.limit()),
        Boolean.toString(budget.ok())));
  }

  private static String number(double value) {
    return Double.isFinite(value) ? Units.plainShortest(value) : ComparisonFormat.NOT_AVAILABLE;
  }

  private static String join(List<String> fields) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      row.append(i == 0 ? "" : ",").append(CsvWriter.quote(fields.get(i)));
    }
    return row.toString();
  }
}
