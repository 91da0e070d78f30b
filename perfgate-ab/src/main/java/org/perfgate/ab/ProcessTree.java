package org.perfgate.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resident memory and CPU time of a process and its descendants, read from Linux's {@code /proc}
 * (no library: two small files per process; OSHI would add a dependency for the same numbers).
 */
final class ProcessTree {
  /** {@code USER_HZ}: the unit of {@code /proc/<pid>/stat} times; 100 on every mainstream Linux. */
  private static final long TICKS_PER_SECOND = 100;
  private static final Path PROC = Path.of("/proc");

  /** One reading. */
  record Sample(long rssBytes, long cpuNanos) {}

  private ProcessTree() {}

  static boolean supported() {
    return Files.isDirectory(PROC.resolve("self"));
  }

  /** The tree's current totals, or empty without {@code /proc}; processes that end while read are skipped. */
  static Optional<Sample> sample(ProcessHandle root) {
    if (!supported()) {
      return Optional.empty();
    }
    long rss = 0;
    long ticks = 0;
    List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
    for (ProcessHandle process : tree) {
      Path directory = PROC.resolve(Long.toString(process.pid()));
      rss += rssBytes(directory.resolve("status"));
      ticks += cpuTicks(directory.resolve("stat"));
    }
    return Optional.of(new Sample(rss, ticks * (1_000_000_000L / TICKS_PER_SECOND)));
  }

  /** {@code VmRSS:  1234 kB} of {@code /proc/<pid>/status}; 0 for a process that is gone. */
  private static long rssBytes(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).strip().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended between listing and reading: it uses no memory now
    }
    return 0;
  }

  /**
   * utime + stime + cutime + cstime (fields 14-17) of {@code /proc/<pid>/stat}: the children's part
   * keeps the CPU of helpers that already exited. Fields are counted after the command name's
   * closing parenthesis, since the name may contain spaces.
   */
  private static long cpuTicks(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state), so field N is fields[N - 3]
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
