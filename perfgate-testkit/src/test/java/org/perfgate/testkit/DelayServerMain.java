package org.perfgate.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@link DelayServer} in a process of its own, for bench scripts (bench/delay-server.sh):
 * {@code DelayServerMain DELAY_MS [STALL_MS EVERY_MS [PORT]]} (milliseconds, fractions allowed).
 * Prints {@code port: N} once it listens, then serves until killed. Reads commands from standard
 * input: {@code reset} forgets the server's timings, {@code timings} prints them ({@code server woken
 * late: ...}, {@code server sent late: ...}, then {@code timings end}); at its end it serves on. A
 * test-scope class: only the CLI and the report module write to standard output in production code.
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
    // stdin commands for the bench scripts: "reset" forgets the timings, "timings" prints them
    try (var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        switch (line.trim()) {
          case "reset" -> server.resetTimings();
          case "timings" -> print(server.timings());
          default -> System.err.println("DelayServerMain: unknown command: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading commands from standard input", e);
    }
    Thread.currentThread().join();
  }

  private static void print(DelayServer.Timings timings) {
    print("woken", timings.woken());
    print("sent", timings.sent());
    System.out.println("timings end");
    System.out.flush();
  }

  private static void print(String what, DelayServer.Percentiles p) {
    System.out.printf("server %s late: count %d, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, p.count(),
        p.p50Nanos() / 1e6, p.p90Nanos() / 1e6, p.p99Nanos() / 1e6, p.maxNanos() / 1e6);
  }

  private static long millisToNanos(String text, String name) {
    try {
      return Math.round(Double.parseDouble(text) * 1_000_000);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number of milliseconds, got: " + text, e);
    }
  }
}
