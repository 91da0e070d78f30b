package org.perfgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.perfgate.model.PerfgateException;

/** Writes a text output the CLI composes itself (Markdown comments), creating parent directories. */
final class TextFiles {
  private TextFiles() {}

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new PerfgateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
