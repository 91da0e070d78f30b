package org.perfgate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.perfgate.model.RunMetadata;
import org.perfgate.report.Reports;
import org.perfgate.store.RunStore;
import org.perfgate.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code perfgate show RUN}: one stored run's metadata and summary. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a stored run: where it ran and its summary.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "RUN", description = "A run id, or a unique prefix of one (from 'perfgate history').")
  String runId;

  @Option(names = "--no-color", description = "No ANSI colors.")
  boolean noColor;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = Workspace.load(storeOptions, parent.env()).openStore()) {
      StoredRun run = Sides.find(store, runId);
      RunMetadata metadata = run.metadata();
      out.println("         run: " + run.id() + " (trial " + metadata.trial() + " of group " + metadata.trialGroup() + ")");
      out.println("     project: " + metadata.project());
      out.println("      commit: " + metadata.gitSha().orElse("-") + metadata.branch().map(b -> " on " + b).orElse("")
          + metadata.tag().map(t -> " (" + t + ")").orElse(""));
      out.println("   plan hash: " + metadata.planHash());
      out.println(" environment: " + metadata.environment().cpuModel() + ", " + metadata.environment().cores()
          + " cores, " + metadata.environment().os() + ", " + metadata.environment().jdk()
          + (metadata.environment().labels().isEmpty() ? "" : ", labels " + metadata.environment().labels()));
      out.println();
      out.print(Reports.consoleSummary(run.result(), !noColor && Terminal.isInteractive()));
      out.flush();
    }
    return ExitCode.OK.code();
  }
}
