package org.perfgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.perfgate.model.Budget;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.RunMetadata;
import org.perfgate.plan.PlanLoader;
import org.perfgate.stats.CompareOptions;
import org.perfgate.stats.RunComparator;
import org.perfgate.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate compare RUN --baseline REF}: the trials of a stored run against a baseline's,
 * statistic by statistic, with budgets; the exit code gates CI.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare a stored run (all its trials) with a baseline: regression, improvement, no change or inconclusive.")
final class CompareCommand implements Callable<Integer> {
  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin ComparisonOptions comparing;

  @Parameters(paramLabel = "RUN", description = "The candidate: a run id or unique prefix (its trial group is compared).")
  String runId;

  @Option(names = {"-b", "--baseline"}, required = true, paramLabel = "REF",
      description = "A saved baseline name, a run id, branch:NAME, tag:NAME or latest.")
  String baseline;


  @Option(names = "--plan", paramLabel = "FILE", description = "Also apply the budgets of this plan file.")
  Path planFile;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Environment for ${VAR} in --plan.")
  List<String> env = new ArrayList<>();


  @Option(names = "--strict-env", description = "Refuse to compare runs from different environments (default: warn).")
  boolean strictEnv;




  @Override
  public Integer call() {
    Map<String, Path> files = comparing.outputFiles();
    Workspace workspace = Workspace.load(storeOptions, parent.env());
    Comparison comparison;
    try (RunStore store = workspace.openStore()) {
      Sides.Trials head = Sides.run(store, runId);
      Sides.Trials base = Sides.baseline(store, baseline, head);
      List<String> warnings = check(base.side().metadata(), head.side().metadata());
      List<Budget> planBudgets = planFile == null ? List.of()
          : PlanLoader.load(planFile, planEnv()).budgets();
      List<Budget> budgets = workspace.config().budgets(planBudgets, comparing.profile());
      CompareOptions options = CompareOptions.defaults().withTolerancePercent(comparing.tolerancePercent());
      comparison = RunComparator.compare(head.side().metadata().planName(), base.side(), base.results(), head.side(),
          head.results(), budgets, options, warnings);
    }
    return ComparisonOutput.report(comparison, files, comparing.color(), comparing.failOnInconclusive,
        spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  private Map<String, String> planEnv() {
    Map<String, String> merged = new LinkedHashMap<>(parent.env());
    merged.putAll(Flags.keyValues("--env", env));
    return merged;
  }

  /** Refuses different plans; warns (or refuses with --strict-env) on different environments. */
  private List<String> check(RunMetadata base, RunMetadata head) {
    if (!base.planName().equals(head.planName())) {
      throw new InvalidInputException("cannot compare runs of different plans: baseline ran '" + base.planName()
          + "', candidate ran '" + head.planName() + "'");
    }
    List<String> warnings = new ArrayList<>();
    if (!base.planHash().equals(head.planHash())) {
      warnings.add("the plan '" + head.planName() + "' changed between the baseline and the candidate");
    }
    EnvironmentFingerprint baseEnv = base.environment();
    EnvironmentFingerprint headEnv = head.environment();
    if (!baseEnv.comparableTo(headEnv)) {
      String difference = "the runs come from different environments (baseline: " + describe(baseEnv)
          + "; candidate: " + describe(headEnv) + ")";
      if (strictEnv) {
        throw new InvalidInputException("--strict-env: " + difference);
      }
      warnings.add(difference);
    }
    return warnings;
  }

  private static String describe(EnvironmentFingerprint env) {
    return env.cpuModel() + ", " + env.cores() + " cores, " + env.os() + ", " + env.jdk()
        + (env.labels().isEmpty() ? "" : ", " + env.labels());
  }
}
