package org.perfgate.ab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds a revision in its worktree and keeps what the build produced under
 * {@code .perfgate/cache/<sha>-<buildhash>/}, where the build hash covers the build command and
 * the artifact path: the same commit built the same way is built once. A {@code .complete} marker,
 * written last, tells a finished cache entry from one a crash left behind.
 */
final class BuildCache {
  private static final String COMPLETE = ".complete";

  private final Path root;
  private final String buildCommand;
  private final Optional<String> artifact;

  BuildCache(Path root, String buildCommand, Optional<String> artifact) {
    this.root = root;
    this.buildCommand = buildCommand;
    this.artifact = artifact;
  }

  /**
   * The absolute path of the revision's artifact (the worktree itself when no artifact is
   * configured), building it first unless cached.
   *
   * @param skipBuild use the cache only; fail when the revision was never built
   */
  Path artifact(Revision revision, String label, Path worktree, boolean skipBuild) {
    Path entry = entry(revision);
    Path cached = artifact.map(path -> entry.resolve(Path.of(path).getFileName())).orElse(worktree);
    if (Files.exists(entry.resolve(COMPLETE))) {
      Retention.touch(entry);
      return cached;
    }
    if (skipBuild) {
      throw new AbException("--skip-build: " + label + " " + revision.describe() + " was never built with '"
          + buildCommand + "' (no " + entry + "); run once without --skip-build");
    }
    try {
      Files.createDirectories(entry);
      Path log = entry.resolve("build.log");
      int exitCode = build(worktree, log);
      if (exitCode != 0) {
        throw new AbException("the build of " + label + " " + revision.describe() + " failed with exit code "
            + exitCode + " ('" + buildCommand + "' in " + worktree + "; log: " + log + "); last lines:"
            + LogTail.of(log));
      }
      if (artifact.isPresent()) {
        Path produced = worktree.resolve(artifact.get());
        if (!Files.exists(produced)) {
          throw new AbException("the build of " + label + " " + revision.describe() + " did not produce the artifact '"
              + artifact.get() + "' (expected " + produced + ")");
        }
        copy(produced, cached);
      }
      Files.writeString(entry.resolve(COMPLETE), buildCommand + "\n");
      Retention.touch(entry);
      return cached;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build cache " + entry, e);
    }
  }

  /** Whether {@code revision} was built this way before, so {@link #artifact} will not build it. */
  boolean isCached(Revision revision) {
    return Files.exists(entry(revision).resolve(COMPLETE));
  }

  private Path entry(Revision revision) {
    return root.resolve(revision.sha() + "-" + buildHash()).toAbsolutePath();
  }

  private int build(Path worktree, Path log) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", buildCommand).directory(worktree.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AbException("interrupted while building in " + worktree);
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    if (!Files.isDirectory(source)) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      return;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** 12 hex digits of SHA-256 over the build command and artifact path. */
  String buildHash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((buildCommand + "\0" + artifact.orElse("")).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
