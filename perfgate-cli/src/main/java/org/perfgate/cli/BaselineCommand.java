package org.perfgate.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.perfgate.model.InvalidInputException;
import org.perfgate.store.Baseline;
import org.perfgate.store.HistoryQuery;
import org.perfgate.store.RunStore;
import org.perfgate.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code perfgate baseline save|list|delete}: named baselines (nightly, release-1.2) to compare against. */
@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Save, list and delete named baselines.",
    subcommands = {BaselineCommand.Save.class, BaselineCommand.ListBaselines.class, BaselineCommand.Delete.class})
final class BaselineCommand implements Runnable {
  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "save", mixinStandardHelpOptions = true,
      description = "Name a run's trial group as a baseline (default: the newest run).")
  static final class Save implements Callable<Integer> {
    @ParentCommand BaselineCommand baseline;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "The baseline's name, e.g. main, nightly, v1.2.")
    String name;

    @Option(names = "--run", paramLabel = "RUN", description = "The run (id or unique prefix); default: the newest.")
    String runId;

    @Override
    public Integer call() {
      try (RunStore store = Workspace.load(storeOptions, baseline.parent.env()).openStore()) {
        String id;
        if (runId == null) {
          List<RunSummary> newest = store.history(HistoryQuery.all().withLimit(1));
          if (newest.isEmpty()) {
            throw new InvalidInputException("no runs in " + store.describe() + " to save as baseline '" + name
                + "'; run 'perfgate run PLAN' first");
          }
          id = newest.get(0).id();
        } else {
          id = Sides.find(store, runId).id();
        }
        store.saveBaseline(name, id);
        spec.commandLine().getOut().println("baseline '" + name + "' -> run " + id);
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved baselines.")
  static final class ListBaselines implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @ParentCommand BaselineCommand baseline;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (RunStore store = Workspace.load(storeOptions, baseline.parent.env()).openStore()) {
        List<Baseline> baselines = store.baselines();
        if (baselines.isEmpty()) {
          out.println("no baselines in " + store.describe() + "; 'perfgate baseline save NAME' saves one");
        }
        for (Baseline saved : baselines) {
          out.printf("%-20s run %-14s group %-20s saved %s%n", saved.name(), saved.runId(), saved.trialGroup(),
              TIME.format(saved.savedAt()));
        }
        out.flush();
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a saved baseline (its runs stay).")
  static final class Delete implements Callable<Integer> {
    @ParentCommand BaselineCommand baseline;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (RunStore store = Workspace.load(storeOptions, baseline.parent.env()).openStore()) {
        if (!store.deleteBaseline(name)) {
          throw new InvalidInputException("unknown baseline '" + name + "'; 'perfgate baseline list' shows them");
        }
        spec.commandLine().getOut().println("deleted baseline '" + name + "'");
      }
      return ExitCode.OK.code();
    }
  }
}
