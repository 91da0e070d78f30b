package org.perfgate.testkit;

/**
 * The {@link DelayServer} in a process of its own, for bench scripts (bench/delay-server.sh):
 * {@code DelayServerMain DELAY_MS [STALL_MS EVERY_MS [PORT]]} (milliseconds, fractions allowed).
 * Prints {@code port: N} once it listens, then serves until killed. A test-scope class: only the CLI
 * and the report module write to standard output in production code.
 */
public final class DelayServerMain {
  private DelayServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1 && args.length != 3 && args.length != 4) {
      System.err.println("usage: DelayServerMain DELAY_MS [STALL_MS EVERY_MS [PORT]]");
      System.exit(2);
    }
    StallSchedule schedule;
    int port;
    try {
      long delay = millisToNanos(args[0], "DELAY_MS");
      schedule = args.length == 1 ? StallSchedule.fixed(delay)
          : new StallSchedule(delay, millisToNanos(args[1], "STALL_MS"), millisToNanos(args[2], "EVERY_MS"));
      port = args.length == 4 ? Integer.parseInt(args[3]) : 0;
    } catch (IllegalArgumentException e) {
      System.err.println("DelayServerMain: " + e.getMessage());
      System.exit(2);
      return;
    }
    DelayServer server = DelayServer.start(schedule, port);
    System.out.println("port: " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static long millisToNanos(String text, String name) {
    try {
      return Math.round(Double.parseDouble(text) * 1_000_000);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number of milliseconds, got: " + text, e);
    }
  }
}
