package org.perfgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.perfgate.model.Plan;
import org.perfgate.plan.PlanLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code perfgate run PLAN}: one plan against its targets; thresholds decide the exit code. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a plan file (k6-style YAML).")
final class RunCommand implements Callable<Integer> {
  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin RunOptions options;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "PLAN", description = "The plan file (YAML).")
  Path planFile;

  @Override
  public Integer call() throws java.io.IOException {
    Map<String, String> env = options.mergedEnv(parent.env());
    Plan plan = PlanLoader.load(planFile, env);
    Workspace workspace = options.noStore ? null : Workspace.load(storeOptions, env).withLabels(options.labelMap());
    return new PlanRunner(options, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(plan, Files.readString(planFile), env, null, workspace)
        .code();
  }
}
