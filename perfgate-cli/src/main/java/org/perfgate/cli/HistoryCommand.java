package org.perfgate.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.RunMetadata;
import org.perfgate.plan.DurationParser;
import org.perfgate.store.HistoryQuery;
import org.perfgate.store.RunStore;
import org.perfgate.store.RunSummary;
import org.perfgate.store.SavedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code perfgate history}: stored runs (or saved comparisons), newest first, filtered. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List stored runs (or, with --comparisons, saved ab comparisons), newest first.")
final class HistoryCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--plan", description = "Only runs of this plan (its name).")
  String plan;

  @Option(names = "--branch", description = "Only runs on this branch.")
  String branch;

  @Option(names = "--tag", description = "Only runs of a commit with this tag.")
  String tag;

  @Option(names = "--since", paramLabel = "DURATION", description = "Only runs newer than this, e.g. 7d, 12h.")
  String since;

  @Option(names = "--comparisons",
      description = "List the comparisons perfgate ab saved (base and head trial groups, verdict) instead of runs.")
  boolean comparisons;

  @Option(names = {"-n", "--limit"}, defaultValue = "50", description = "At most this many runs. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  public Integer call() {
    if (comparisons) {
      return listComparisons();
    }
    HistoryQuery query = HistoryQuery.all().withLimit(limit);
    if (plan != null) {
      query = query.withPlanName(plan);
    }
    if (branch != null) {
      query = query.withBranch(branch);
    }
    if (tag != null) {
      query = query.withTag(tag);
    }
    if (since != null) {
      query = query.withSince(Instant.now().minus(duration("--since", since)));
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = Workspace.load(storeOptions, parent.env()).openStore()) {
      List<RunSummary> runs = store.history(query);
      if (runs.isEmpty()) {
        out.println("no runs in " + store.describe() + (plan != null || branch != null || tag != null || since != null
            ? " match the filter" : " yet: 'perfgate run PLAN' stores one"));
        return ExitCode.OK.code();
      }
      out.printf("%-20s %-19s %-16s %-14s %-9s %-5s %10s %10s %s%n", "RUN", "TIME (UTC)", "PLAN", "BRANCH", "COMMIT",
          "TRIAL", "REQUESTS", "P95", "THRESHOLDS");
      for (RunSummary run : runs) {
        RunMetadata metadata = run.metadata();
        out.printf(Locale.ROOT, "%-20s %-19s %-16s %-14s %-9s %-5s %10.0f %8.2fms %s%n", run.id(),
            TIME.format(metadata.time()), clip(metadata.planName(), 16), clip(metadata.branch().orElse("-"), 14),
            metadata.gitSha().map(sha -> sha.substring(0, Math.min(8, sha.length()))).orElse("-"),
            metadata.trial(), run.requests(), run.p95Millis(),
            run.abortReason().isPresent() ? "aborted" : run.thresholdsPassed() ? "✓" : "✗");
      }
      out.flush();
    }
    return ExitCode.OK.code();
  }

  private int listComparisons() {
    if (branch != null || tag != null || since != null) {
      throw new InvalidInputException("--comparisons takes --plan and --limit only");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = Workspace.load(storeOptions, parent.env()).openStore()) {
      List<SavedComparison> saved = store.comparisons(Optional.ofNullable(plan), limit);
      if (saved.isEmpty()) {
        out.println("no comparisons in " + store.describe() + (plan != null ? " match the filter"
            : " yet: 'perfgate ab' saves one per plan"));
        return ExitCode.OK.code();
      }
      out.printf("%-26s %-19s %-16s %-30s %-30s %s%n", "COMPARISON", "TIME (UTC)", "PLAN", "BASE", "HEAD", "VERDICT");
      for (SavedComparison comparison : saved) {
        out.printf(Locale.ROOT, "%-26s %-19s %-16s %-30s %-30s %s%n", comparison.id(),
            TIME.format(comparison.created()), clip(comparison.planName(), 16), clip(side(comparison.base()), 30),
            clip(side(comparison.head()), 30), comparison.verdict().label());
      }
      out.println("compare again: perfgate compare <a head run> --baseline <a base run> (perfgate history --plan PLAN"
          + " lists the runs of each trial group)");
      out.flush();
    }
    return ExitCode.OK.code();
  }

  private static String side(SavedComparison.Side side) {
    return side.trialGroup() + side.gitSha().map(sha -> " @" + sha.substring(0, Math.min(8, sha.length()))).orElse("");
  }

  private static java.time.Duration duration(String flag, String value) {
    try {
      return DurationParser.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(flag + " '" + value + "': " + e.getMessage());
    }
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
