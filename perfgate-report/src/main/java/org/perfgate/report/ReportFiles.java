package org.perfgate.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.perfgate.model.PerfgateException;

/**
 * Opens report files (UTF-8) and turns every {@link IOException} into a {@link PerfgateException}
 * naming the file and the cause, e.g. {@code cannot write /x/y.json: No such file or directory}.
 */
final class ReportFiles {
  private ReportFiles() {}

  /** Writes a whole file's content. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer writer) throws IOException;
  }

  /** Reads a whole file's content. */
  @FunctionalInterface
  interface Parser<T> {
    T readFrom(Reader reader) throws IOException;
  }

  /**
   * Writes {@code content} to {@code file}, creating missing parent directories. The content goes to
   * a temporary sibling first and is moved over {@code file} at the end, so a failure (disk full)
   * never leaves a truncated report where a good one was.
   */
  static void write(Path file, Content content) {
    Path temporary = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (FileAlreadyExistsException notADirectory) {
        throw new PerfgateException("cannot write " + file + ": " + notADirectory.getFile() + " is not a directory",
            notADirectory);
      }
      // not Files.createTempFile: its 0600 mode would make reports unreadable to CI artifact uploaders
      temporary = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
          + System.nanoTime() + ".tmp");
      try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
        content.writeTo(writer);
      }
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new PerfgateException("cannot write " + where(file, e) + ": " + reason(e), e);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // the original failure is the one to report; a stray temporary file is harmless
    }
  }

  /** Reads {@code file} with {@code parser}. */
  static <T> T read(Path file, Parser<T> parser) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parser.readFrom(reader);
    } catch (IOException e) {
      throw new PerfgateException("cannot read " + where(file, e) + ": " + reason(e), e);
    }
  }

  /** The file, with {@code :line:column} when a JSON parser knows where it failed. */
  private static String where(Path file, IOException e) {
    if (e instanceof JsonProcessingException json) {
      JsonLocation location = json.getLocation();
      if (location != null && location.getLineNr() > 0) {
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr();
      }
    }
    return file.toString();
  }

  /**
   * The cause in the words of the operating system ({@code strerror}), since the JDK's own messages
   * of the common cases are just the path again.
   */
  static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException ignored -> "No such file or directory";
      case AccessDeniedException ignored -> "Permission denied";
      case FileAlreadyExistsException ignored -> "File exists";
      case NotDirectoryException ignored -> "Not a directory";
      case DirectoryNotEmptyException ignored -> "Directory not empty";
      case FileSystemException fileSystem when fileSystem.getReason() != null -> fileSystem.getReason();
      case JsonProcessingException json -> json.getOriginalMessage();
      default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    };
  }
}
