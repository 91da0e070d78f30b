package org.perfgate.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code perfgate} command; its work is in the subcommands. */
@Command(
    name = "perfgate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Performance testing for CI: generate load, record, decide, report.",
    subcommands = {RunCommand.class, DemoCommand.class, HistoryCommand.class, ShowCommand.class, BaselineCommand.class,
        CompareCommand.class, DetectCommand.class, AbCommand.class, TransferCommands.Export.class, TransferCommands.Import.class,
        StatsCommand.class})
final class PerfgateCommand implements Runnable {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  PerfgateCommand(Map<String, String> env) {
    this.env = env;
  }

  /** The process environment, read once in {@link Main}; subcommands get it from here. */
  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
