package org.perfgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process and captures exactly what it prints. */
final class Cli {
  record Outcome(int exitCode, String out, String err) {}

  private Cli() {}

  static Outcome run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  static Outcome run(String... args) {
    return run(Map.of(), args);
  }
}
