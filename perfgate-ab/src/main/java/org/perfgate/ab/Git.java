package org.perfgate.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code git} command in one repository. */
final class Git {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path directory;

  Git(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /** The trimmed output of a successful command, or empty when git fails (unknown ref, not a repo). */
  Optional<String> tryRun(String... arguments) {
    Result result = execute(arguments);
    return result.exitCode == 0 ? Optional.of(result.output) : Optional.empty();
  }

  /** The trimmed output; a failure is an {@link AbException} quoting git's message. */
  String run(String... arguments) {
    Result result = execute(arguments);
    if (result.exitCode != 0) {
      throw new AbException("git " + String.join(" ", arguments) + " failed in " + directory + ": "
          + (result.error.isEmpty() ? "exit code " + result.exitCode : result.error));
    }
    return result.output;
  }

  private record Result(int exitCode, String output, String error) {}

  private Result execute(String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).start();
      // Outputs here are small (a SHA, a tag list): reading stdout then stderr cannot deadlock in practice.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AbException("git " + String.join(" ", arguments) + " did not finish in " + TIMEOUT_SECONDS + "s");
      }
      return new Result(process.exitValue(), output, error);
    } catch (IOException e) {
      throw new AbException("cannot run git (is it installed and on PATH?): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AbException("interrupted while running git " + String.join(" ", arguments));
    }
  }
}
