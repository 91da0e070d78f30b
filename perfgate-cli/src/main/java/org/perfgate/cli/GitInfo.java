package org.perfgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit under test, read with the {@code git} command. CI systems check out detached heads,
 * so the branch also comes from their variables ({@code GITHUB_HEAD_REF}, {@code GITHUB_REF_NAME},
 * {@code CI_COMMIT_REF_NAME}) when git cannot tell.
 */
record GitInfo(Optional<String> project, Optional<String> sha, Optional<String> branch, Optional<String> tag) {
  static final GitInfo NONE = new GitInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  static GitInfo detect(Path directory, java.util.Map<String, String> env) {
    Optional<String> top = git(directory, "rev-parse", "--show-toplevel");
    if (top.isEmpty()) {
      return NONE;
    }
    Optional<String> branch = git(directory, "symbolic-ref", "--short", "-q", "HEAD");
    for (String variable : List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME")) {
      if (branch.isEmpty() && env.get(variable) != null && !env.get(variable).isBlank()) {
        branch = Optional.of(env.get(variable));
      }
    }
    return new GitInfo(top.map(path -> Path.of(path).getFileName().toString()),
        git(directory, "rev-parse", "HEAD"), branch, git(directory, "describe", "--tags", "--exact-match", "HEAD"));
  }

  private static Optional<String> git(Path directory, String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 && !output.isEmpty() ? Optional.of(output) : Optional.empty();
    } catch (IOException noGit) {
      return Optional.empty(); // git not installed: runs are stored without commit information
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
