package org.perfgate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.perfgate.ab.AbException;
import org.perfgate.ab.AbMode;
import org.perfgate.ab.AbRequest;
import org.perfgate.ab.AbResult;
import org.perfgate.ab.AbRunner;
import org.perfgate.ab.Bisector;
import org.perfgate.ab.SutMetrics;
import org.perfgate.model.Comparison;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.Verdict;
import org.perfgate.plan.AbConfig;
import org.perfgate.plan.PlanLoader;
import org.perfgate.stats.CompareOptions;
import org.perfgate.stats.RunComparator;
import org.perfgate.store.RunStore;
import org.perfgate.store.SavedComparison;
import org.perfgate.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate ab --base REF --head REF}: builds and starts two revisions as {@code perfgate.yaml}'s
 * {@code ab:} section says, runs interleaved trials against both, and compares them as
 * {@code compare} does (same report, outputs and exit codes).
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
    description = "Compare two git revisions: build each, start it, run interleaved trials, decide.")
final class AbCommand implements Callable<Integer> {
  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin ComparisonOptions comparing;

  @Option(names = "--base", paramLabel = "REF", defaultValue = "main",
      description = "The baseline: a branch, tag, commit SHA, or latest (newest release tag). Default: ${DEFAULT-VALUE}.")
  String base;

  @Option(names = "--head", paramLabel = "REF", defaultValue = "HEAD",
      description = "The candidate: a commit (committed state; the working tree's changes are not used). Default: ${DEFAULT-VALUE}.")
  String head;

  @Option(names = "--skip-build", description = "Use the cached builds only; fail when a revision was never built.")
  boolean skipBuild;

  @Option(names = "--trials", paramLabel = "N", description = "Measured trials per side (default: ab.trials, else 10).")
  Integer trials;

  @Option(names = "--max-trials", paramLabel = "N",
      description = "Adaptive: after --trials, add one interleaved pair at a time while a statistic is inconclusive,"
          + " up to N trials per side.")
  Integer maxTrials;

  // duet is the default because bench/ab-modes.sh measured its confidence intervals 3-9x narrower than
  // sequential's on the same A/A pair on the 2-core CI machine (bench/ab-modes.md), in half the time.
  @Option(names = "--mode", paramLabel = "MODE",
      description = "duet (both sides at once, each pinned to half the cores) or sequential (one side at a time,"
          + " interleaved). Default: ab.mode, else duet.")
  String mode;

  @Option(names = {"-C", "--directory"}, paramLabel = "DIR", defaultValue = ".",
      description = "The project's git repository (with perfgate.yaml). Default: the current directory.")
  Path directory;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Environment for ${VAR} in the plans.")
  List<String> env = new ArrayList<>();





  @Option(names = "--http", paramLabel = "PROTOCOL", defaultValue = "http1",
      description = "HTTP client: http1 or h2c. Default: ${DEFAULT-VALUE}.")
  String http;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the trial order and think times. Default: ${DEFAULT-VALUE}.")
  long seed;


  @Option(names = "--bisect",
      description = "When head regresses, binary-search the first-parent commits after base for the first regressing one.")
  boolean bisect;

  @Override
  public Integer call() {
    Map<String, Path> files = comparing.outputFiles();
    double tolerancePercent = comparing.tolerancePercent();
    if (trials != null && trials < 1) {
      throw new InvalidInputException("--trials " + trials + ": expected a whole number >= 1");
    }
    if (mode != null && !AbConfig.MODES.contains(mode)) {
      throw new InvalidInputException("--mode " + mode + ": expected sequential or duet");
    }
    Path project = directory.toAbsolutePath().normalize();
    Map<String, String> planEnv = new LinkedHashMap<>(parent.env());
    planEnv.putAll(Flags.keyValues("--env", env));
    Workspace workspace = workspace(project);
    AbConfig config = workspace.config().ab().orElseThrow(() -> new InvalidInputException(workspace.config().source()
        + " has no 'ab:' section; perfgate ab needs one (build, start, ready, plans)"));
    if (trials != null) {
      config = config.withTrials(trials);
    }
    if (maxTrials != null && maxTrials < config.trials()) {
      throw new InvalidInputException("--max-trials " + maxTrials + ": expected at least the trials per side ("
          + config.trials() + ")");
    }
    AbMode abMode = switch (mode != null ? mode : config.mode().orElse("duet")) {
      case "sequential" -> AbMode.SEQUENTIAL;
      default -> AbMode.DUET;
    };
    GitInfo git = GitInfo.detect(project, parent.env());
    AbRequest request = new AbRequest(project, base, head, skipBuild, seed, planEnv,
        workspace.config().project().or(git::project).orElse(project.getFileName().toString()),
        Fingerprint.current(workspace.labels()), abMode);
    PrintWriter err = spec.commandLine().getErr();
    CompareOptions options = CompareOptions.defaults().withTolerancePercent(tolerancePercent).withSeed(seed);
    AbComparison main = compare(workspace, config, request, options, "ab");
    List<Comparison> comparisons = main.comparisons();
    AbResult result = main.result();
    int exitCode = ExitCode.OK.code();
    for (int index = 0; index < comparisons.size(); index++) {
      // With several plans each gets its own files: the last plan's would overwrite the others'.
      Map<String, Path> planFiles = comparisons.size() == 1 ? files : suffixed(files, index + 1);
      int code = ComparisonOutput.report(comparisons.get(index), planFiles, comparing.color(),
          comparing.failOnInconclusive, spec.commandLine().getOut(), err);
      printSut(result.plans().get(index));
      exitCode = worse(exitCode, code);
    }
    if (bisect) {
      bisect(main, workspace, config, request, options);
    }
    return exitCode;
  }

  /**
   * One ab comparison: trials of both sides, stored, then each plan compared as {@code compare} does.
   * The main comparison and every {@code --bisect} step go through here.
   */
  private AbComparison compare(Workspace workspace, AbConfig config, AbRequest request, CompareOptions options,
      String kind) {
    PrintWriter err = spec.commandLine().getErr();
    int initialTrials = config.trials();
    int maxTrialsPerSide = maxTrials == null ? initialTrials : maxTrials;
    try (RunStore store = workspace.openStore()) {
      AbResult result = AbRunner.create(config, request, PlanRunner.protocol(http), store,
              line -> err.println("perfgate: " + line))
          .run(maxTrialsPerSide, sofar -> {
            List<Comparison> comparisons = comparisons(workspace, config, request, options, sofar);
            int perSide = trialsPerSide(sofar);
            if (perSide > initialTrials) {
              err.println("perfgate: " + AdaptiveTrials.line(comparisons, perSide));
            }
            return AdaptiveTrials.addPair(comparisons, perSide, maxTrialsPerSide);
          });
      List<Comparison> comparisons = comparisons(workspace, config, request, options, result);
      for (Comparison comparison : comparisons) {
        try {
          SavedComparison saved = store.saveComparison(kind, request.project(), comparison);
          err.println("perfgate: comparison of " + comparison.planName() + " saved as " + saved.id() + " ("
              + saved.verdict().label() + ")");
        } catch (StoreUnavailableException e) {
          // the trials themselves were spooled and are imported later; the link is re-made by comparing again
          err.println("perfgate: warning: comparison of " + comparison.planName() + " not saved: " + e.getMessage());
        }
      }
      return new AbComparison(result, comparisons);
    }
  }

  /** The fewest successful trials of a side and plan. */
  private static int trialsPerSide(AbResult result) {
    int fewest = Integer.MAX_VALUE;
    for (AbResult.PlanTrials plan : result.plans()) {
      fewest = Math.min(fewest, Math.min(plan.base().results().size(), plan.head().results().size()));
    }
    return fewest;
  }

  private List<Comparison> comparisons(Workspace workspace, AbConfig config, AbRequest request,
      CompareOptions options, AbResult result) {
    List<Comparison> comparisons = new ArrayList<>();
    for (AbResult.PlanTrials plan : result.plans()) {
      var budgets = workspace.config().budgets(
          PlanLoader.load(request.projectDirectory().resolve(config.plans().get(result.plans().indexOf(plan))),
              withBaseUrl(request.env())).budgets(), comparing.profile());
      List<String> warnings = new ArrayList<>();
      plan.base().failedTrials().forEach(failure -> warnings.add("base: " + failure));
      plan.head().failedTrials().forEach(failure -> warnings.add("head: " + failure));
      comparisons.add(RunComparator.compare(plan.planName(), plan.base().side(), plan.base().results(),
          plan.head().side(), plan.head().results(), budgets, options, warnings));
    }
    return comparisons;
  }

  /** {@code --bisect}: base against commits between base and head until the first regressing one is known. */
  private void bisect(AbComparison main, Workspace workspace, AbConfig config, AbRequest request,
      CompareOptions options) {
    PrintWriter out = spec.commandLine().getOut();
    if (!main.regresses()) {
      out.println("bisect: head does not regress against base; nothing to search");
      out.flush();
      return;
    }
    List<Bisector.Commit> commits = Bisector.firstParentCommits(request.projectDirectory(), main.result().base(),
        main.result().head());
    if (commits.isEmpty()) {
      out.println("bisect: no commits after base up to head on head's first-parent path; nothing to search");
      out.flush();
      return;
    }
    out.printf("bisect: %d commits after base up to head, about %d comparisons%n", commits.size(),
        32 - Integer.numberOfLeadingZeros(commits.size() - 1));
    out.flush();
    Map<String, Double> hunted = regressedStatistics(main);
    Bisector.Found<BisectStep> found = Bisector.firstBad(commits, new BisectStep(Optional.of(main), ""),
        commit -> {
          try {
            return new BisectStep(Optional.of(compare(workspace, config, new AbRequest(request.projectDirectory(),
                request.base(), commit.sha(), request.skipBuild(), request.seed(), request.env(), request.project(),
                request.environment(), request.mode()), options, "bisect")), "");
          } catch (AbException cannotMeasure) { // a commit that does not build or start, as git bisect skip
            return new BisectStep(Optional.empty(), cannotMeasure.getMessage());
          }
        },
        step -> step.outcome(hunted),
        step -> {
          out.printf("bisect: %d commits left, testing %s (%s) … %s → %s%n", step.candidates(),
              step.commit().shortSha(), step.commit().subject(), step.result().summary(),
              step.outcome().name().toLowerCase(Locale.ROOT));
          out.flush();
        });
    if (found.undecided().isEmpty()) {
      out.printf("first bad commit: %s %s — %s%n", found.commit().sha(), found.commit().subject(),
          found.result().summary());
    } else {
      out.printf("first bad commit: one of %d (the commits before it could not be built or started):%n",
          found.undecided().size() + 1);
      for (Bisector.Commit commit : found.undecided()) {
        out.printf("  %s %s (skipped)%n", commit.sha(), commit.subject());
      }
      out.printf("  %s %s — %s%n", found.commit().sha(), found.commit().subject(), found.result().summary());
    }
    out.flush();
  }

  /** Plan and title of every statistic that regressed, with its change at the head: what bisect hunts. */
  private static Map<String, Double> regressedStatistics(AbComparison comparison) {
    Map<String, Double> regressed = new HashMap<>();
    for (Comparison plan : comparison.comparisons()) {
      for (MetricComparison metric : plan.metrics()) {
        if (metric.verdict() == Verdict.REGRESSION) {
          regressed.put(plan.planName() + " " + metric.title(), metric.statistics().changePercent());
        }
      }
    }
    return regressed;
  }

  /** A bisect step's result: base compared with the commit, or why the commit could not be measured. */
  private record BisectStep(Optional<AbComparison> comparison, String skipReason) {
    /**
     * Bad on any regression; skipped (as {@code git bisect skip}) when it could not be measured.
     * Otherwise the most precise (smallest MDE) of the statistics that regressed at the head decides:
     * good when it shows no change; when it is inconclusive its estimated change does, since a
     * commit either carries the regression or not: at least half the head's change counts bad.
     * Noisier statistics (a p(95) of few requests) would decide by chance.
     */
    Bisector.Outcome outcome(Map<String, Double> hunted) {
      if (comparison.isEmpty()) {
        return Bisector.Outcome.SKIP;
      }
      if (comparison.get().regresses()) {
        return Bisector.Outcome.BAD;
      }
      MetricComparison decisive = null;
      double headChange = 0;
      for (Comparison plan : comparison.get().comparisons()) {
        for (MetricComparison metric : plan.metrics()) {
          Double change = hunted.get(plan.planName() + " " + metric.title());
          if (change != null && (decisive == null
              || metric.statistics().mdePercent() < decisive.statistics().mdePercent())) {
            decisive = metric;
            headChange = change;
          }
        }
      }
      boolean nearerHead = decisive != null && decisive.verdict() == Verdict.INCONCLUSIVE
          && decisive.statistics().changePercent() >= headChange / 2;
      return nearerHead ? Bisector.Outcome.BAD : Bisector.Outcome.GOOD;
    }

    String summary() {
      return comparison.map(AbComparison::summary).orElse("skipped: " + skipReason);
    }
  }

  /** perfgate.yaml of the project is required; the store defaults to the project's {@code .perfgate/}. */
  private Workspace workspace(Path project) {
    if (storeOptions.config == null) {
      storeOptions.config = project.resolve("perfgate.yaml");
    }
    if (!Files.exists(storeOptions.config)) {
      throw new InvalidInputException("perfgate ab needs " + storeOptions.config
          + " with an 'ab:' section (build, start, ready, plans); none found");
    }
    Workspace workspace = Workspace.load(storeOptions, parent.env());
    boolean storeChosen = storeOptions.store != null || workspace.config().store().isPresent()
        || !parent.env().getOrDefault("PERFGATE_STORE", "").isBlank();
    if (!storeChosen) {
      storeOptions.store = project.resolve(Workspace.DEFAULT_STORE).toString();
      workspace = Workspace.load(storeOptions, parent.env());
    }
    return workspace;
  }

  /** Budgets only need the plan's text; BASE_URL is known per trial, so any value parses. */
  private static Map<String, String> withBaseUrl(Map<String, String> env) {
    Map<String, String> merged = new LinkedHashMap<>(env);
    merged.putIfAbsent("BASE_URL", "http://127.0.0.1");
    return merged;
  }

  private void printSut(AbResult.PlanTrials plan) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("system under test (median of trials; stored as sut_* metrics):");
    for (AbResult.SideTrials side : List.of(plan.base(), plan.head())) {
      List<SutMetrics> metrics = side.sutMetrics();
      out.printf("  %-40s ready in %d ms, first request %s, RSS at ready %s, peak RSS %s, CPU %s%n",
          side.side().label(),
          median(metrics, m -> m.timeToReady().toMillis()).orElse(0),
          milliseconds(median(metrics.stream().filter(m -> m.firstRequest().isPresent()).toList(),
              m -> m.firstRequest().orElseThrow().toNanos())),
          mebibytes(median(metrics.stream().filter(m -> m.rssAtReadyBytes().isPresent()).toList(),
              m -> m.rssAtReadyBytes().getAsLong())),
          mebibytes(median(metrics.stream().filter(m -> m.peakRssBytes().isPresent()).toList(),
              m -> m.peakRssBytes().getAsLong())),
          median(metrics.stream().filter(m -> m.cpu().isPresent()).toList(), m -> m.cpu().orElseThrow().toMillis())
              .stream().mapToObj(millis -> String.format("%.2f s", millis / 1000.0)).findFirst().orElse("n/a"));
    }
    out.flush();
  }

  private static String milliseconds(OptionalLong nanos) {
    return nanos.isPresent() ? String.format("%.1f ms", nanos.getAsLong() / 1e6) : "n/a";
  }

  private static OptionalLong median(List<SutMetrics> metrics, ToLongFunction<SutMetrics> value) {
    long[] values = metrics.stream().mapToLong(value).sorted().toArray();
    return values.length == 0 ? OptionalLong.empty() : OptionalLong.of(values[values.length / 2]);
  }

  private static String mebibytes(OptionalLong bytes) {
    return bytes.isPresent() ? String.format("%.1f MiB", bytes.getAsLong() / 1048576.0) : "n/a";
  }

  private static Map<String, Path> suffixed(Map<String, Path> files, int plan) {
    Map<String, Path> result = new LinkedHashMap<>();
    files.forEach((type, file) -> {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      result.put(type, file.resolveSibling(dot > 0 ? name.substring(0, dot) + "-plan" + plan + name.substring(dot)
          : name + "-plan" + plan));
    });
    return result;
  }

  /** Regression beats inconclusive beats ok. */
  private static int worse(int a, int b) {
    return a == ExitCode.REGRESSION.code() || b == ExitCode.REGRESSION.code() ? ExitCode.REGRESSION.code() : Math.max(a, b);
  }
}
