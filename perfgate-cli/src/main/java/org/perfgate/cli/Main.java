package org.perfgate.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.PerfgateException;
import picocli.CommandLine;

/** Entry point of the {@code perfgate} command. The only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given environment and streams; returns the exit code. */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new PerfgateCommand(env));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> handle(exception, err));
    commandLine.setParameterExceptionHandler((exception, args1) -> {
      err.println("perfgate: " + exception.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
      err.println("Run 'perfgate " + commandName(exception.getCommandLine()) + "--help' for usage.");
      return ExitCode.USAGE.code();
    });
    return commandLine.execute(args);
  }

  private static String commandName(CommandLine line) {
    String name = line.getCommandName();
    return name.equals("perfgate") ? "" : name + " ";
  }

  /** Maps exceptions to one clear line and an exit code; bad input never shows a stack trace. */
  private static int handle(Exception exception, PrintWriter err) {
    if (exception instanceof InvalidInputException invalid) {
      err.println("perfgate: error: " + invalid.getMessage());
      return ExitCode.INVALID_INPUT.code();
    }
    if (exception instanceof PerfgateException failure) {
      err.println("perfgate: error: " + failure.getMessage());
      return ExitCode.INTERNAL_ERROR.code();
    }
    err.println("perfgate: internal error (a bug; please report it): " + exception);
    exception.printStackTrace(err);
    return ExitCode.INTERNAL_ERROR.code();
  }
}
