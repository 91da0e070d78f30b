package org.perfgate.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.perfgate.model.InvalidInputException;
import org.perfgate.stats.ChangePoint;
import org.perfgate.stats.ChangePoints;
import org.perfgate.stats.DetectOptions;
import org.perfgate.store.HistoryQuery;
import org.perfgate.store.MetricPoint;
import org.perfgate.store.RunStore;
import org.perfgate.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate detect}: change points in the stored history of one metric statistic of one plan.
 * One point per trial group (the median of its trials), oldest first. {@code --plan} may be left
 * out when the store holds one plan; with several it is required, since mixing plans would make
 * every plan switch look like a change. Exit code 0 whatever is found, 104 for bad input.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {
        "Find change points in the history of a metric: E-divisive means with a permutation test (as Apache Otava),"
            + " one point per trial group (the median of its trials), oldest first.",
        "Exit codes: 0 whatever is found; 104 bad input."})
final class DetectCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** How many recent runs are read to find the plans when {@code --plan} is not given. */
  private static final int PLAN_SCAN = 10_000;

  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--metric", defaultValue = "http_req_duration",
      description = "The metric, as k6 names it, with tags if any (e.g. http_req_duration{name:login}). Default: ${DEFAULT-VALUE}.")
  String metric;

  @Option(names = "--statistic", defaultValue = "p95",
      description = "count, min, avg, p50, p90, p95, p99, p999, max, rate or value. Default: ${DEFAULT-VALUE}.")
  String statistic;

  @Option(names = "--plan", description = "The plan (its name); required when the store holds several.")
  String plan;

  @Option(names = "--branch", description = "Only runs on this branch.")
  String branch;

  @Option(names = {"-n", "--limit"}, defaultValue = "1000",
      description = "The newest this many runs at most. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.01",
      description = "A change point needs a permutation p-value below this. Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(names = "--min-segment", paramLabel = "N", defaultValue = "5",
      description = "The fewest trial groups between change points. Default: ${DEFAULT-VALUE}.")
  int minSegment;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  /** One trial group: its first run (id, commit, time) and the median of its trials. */
  record GroupPoint(MetricPoint first, double median) {}

  @Override
  public Integer call() {
    DetectOptions options = StatsDetectCommand.options(alpha, minSegment);
    if (limit < 1) {
      throw new InvalidInputException("--limit " + limit + ": expected at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = Workspace.load(storeOptions, parent.env()).openStore()) {
      String planName = plan != null ? plan : onlyPlan(store);
      List<GroupPoint> groups =
          groups(store.metricHistory(planName, metric, statistic, Optional.ofNullable(branch), limit));
      double[] series = new double[groups.size()];
      for (int i = 0; i < series.length; i++) {
        series[i] = groups.get(i).median();
      }
      List<ChangePoint> points = ChangePoints.detect(series, options);
      String subject = "plan " + planName + ", " + metric + " " + statistic + (branch != null ? ", branch " + branch : "");
      out.print(json ? toJson(planName, groups, points) : toText(subject, groups, points, options));
      out.flush();
    }
    return ExitCode.OK.code();
  }

  private String onlyPlan(RunStore store) {
    TreeSet<String> plans = new TreeSet<>();
    for (RunSummary run : store.history(HistoryQuery.all().withLimit(PLAN_SCAN))) {
      plans.add(run.metadata().planName());
    }
    if (plans.size() > 1) {
      throw new InvalidInputException("several plans in " + store.describe() + ": " + String.join(", ", plans)
          + "; choose one with --plan");
    }
    if (plans.isEmpty()) {
      throw new InvalidInputException("no runs in " + store.describe() + " yet: 'perfgate run PLAN' stores one");
    }
    return plans.first();
  }

  /** Trial groups in order of their first run (points come oldest first), each the median of its trials. */
  static List<GroupPoint> groups(List<MetricPoint> points) {
    Map<String, List<MetricPoint>> byGroup = new LinkedHashMap<>();
    for (MetricPoint point : points) {
      byGroup.computeIfAbsent(point.trialGroup(), group -> new ArrayList<>()).add(point);
    }
    List<GroupPoint> groups = new ArrayList<>(byGroup.size());
    for (List<MetricPoint> trials : byGroup.values()) {
      double[] values = trials.stream().mapToDouble(MetricPoint::value).sorted().toArray();
      int middle = values.length / 2;
      double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
      groups.add(new GroupPoint(trials.getFirst(), median));
    }
    return groups;
  }

  static String toText(String subject, List<GroupPoint> groups, List<ChangePoint> points, DetectOptions options) {
    String settings = " in " + groups.size() + " trial groups (" + subject + "; alpha "
        + StatsCommand.StatsCompareCommand.number(options.alpha()) + ", min segment " + options.minSegment() + ")\n";
    if (points.isEmpty()) {
      return "no change points" + settings;
    }
    StringBuilder text = new StringBuilder();
    text.append(points.size()).append(points.size() == 1 ? " change point" : " change points").append(settings);
    String format = "%5s  %-20s  %-8s  %-19s  %-21s  %8s  %6s%n";
    text.append(String.format(Locale.ROOT, format, "INDEX", "RUN", "COMMIT", "TIME (UTC)", "BEFORE → AFTER", "CHANGE",
        "P"));
    for (ChangePoint point : points) {
      MetricPoint first = groups.get(point.index()).first();
      text.append(String.format(Locale.ROOT, format, point.index(), first.runId(), shortSha(first.gitSha()),
          TIME.format(first.time()), StatsDetectCommand.means(point), StatsDetectCommand.percent(point.changePercent()),
          StatsDetectCommand.pValue(point.pValue())));
    }
    return text.toString();
  }

  private static String shortSha(Optional<String> sha) {
    return sha.map(value -> value.substring(0, Math.min(8, value.length()))).orElse("-");
  }

  private String toJson(String planName, List<GroupPoint> groups, List<ChangePoint> points) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ChangePoint point : points) {
      MetricPoint first = groups.get(point.index()).first();
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("runId", first.runId());
      fields.put("trialGroup", first.trialGroup());
      fields.put("commit", first.gitSha().orElse(null));
      fields.put("time", first.time().toString());
      fields.putAll(StatsDetectCommand.fields(point));
      list.add(fields);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("plan", planName);
    root.put("metric", metric);
    root.put("statistic", statistic);
    root.put("branch", branch);
    root.put("trialGroups", groups.size());
    root.put("changePoints", list);
    return StatsDetectCommand.json(root);
  }
}
