package org.perfgate.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The core sets of a duet: the cores this process may use, split in two halves, one per side, as
 * {@code taskset -c} lists. An odd core out is left to the load generator.
 */
final class CpuSets {
  /** {@code taskset -c} lists, e.g. {@code "0"} and {@code "1"} on two cores. */
  record Halves(String base, String head) {
    /** The same halves, the other way round. */
    Halves swapped() {
      return new Halves(head, base);
    }
  }

  private CpuSets() {}

  /** The halves of {@code cores}, or empty with fewer than two. */
  static Optional<Halves> split(List<Integer> cores) {
    int half = cores.size() / 2;
    if (half == 0) {
      return Optional.empty();
    }
    return Optional.of(new Halves(join(cores.subList(0, half)), join(cores.subList(half, 2 * half))));
  }

  /** The cores this process may run on: Linux's {@code Cpus_allowed_list}, else 0..n-1. */
  static List<Integer> allowed() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return parse(line.substring("Cpus_allowed_list:".length()).strip());
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // fall through: no /proc, or a format this parser does not know
    }
    List<Integer> cores = new ArrayList<>();
    for (int core = 0; core < Runtime.getRuntime().availableProcessors(); core++) {
      cores.add(core);
    }
    return cores;
  }

  /** {@code 0-2,5} as 0, 1, 2, 5. */
  static List<Integer> parse(String list) {
    List<Integer> cores = new ArrayList<>();
    for (String part : list.split(",")) {
      String[] range = part.strip().split("-");
      int first = Integer.parseInt(range[0]);
      int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
      for (int core = first; core <= last; core++) {
        cores.add(core);
      }
    }
    return cores;
  }

  /** Whether {@code taskset} is in one of {@code path}'s directories (a PATH value). */
  static boolean tasksetAvailable(String path) {
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "taskset"))) {
        return true;
      }
    }
    return false;
  }

  private static String join(List<Integer> cores) {
    return cores.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
