package org.perfgate.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, indented, for error messages. */
final class LogTail {
  static final int LINES = 15;

  private LogTail() {}

  /** The last {@link #LINES} lines of each existing file, each prefixed by two spaces; may be empty. */
  static String of(Path... files) {
    StringBuilder text = new StringBuilder();
    for (Path file : files) {
      List<String> lines = lines(file);
      for (String line : lines.subList(Math.max(0, lines.size() - LINES), lines.size())) {
        text.append("\n  ").append(line);
      }
    }
    return text.isEmpty() ? "\n  (the log is empty)" : text.toString();
  }

  static List<String> lines(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      // Malformed bytes are replaced rather than rejected: a log is evidence, not input.
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return new ArrayList<>(List.of("(cannot read " + file + ": " + e.getMessage() + ")"));
    }
  }
}
