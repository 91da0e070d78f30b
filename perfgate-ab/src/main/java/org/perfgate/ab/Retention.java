package org.perfgate.ab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps {@code .perfgate/} from growing without end: after a run, only the builds and worktrees of
 * the {@code keep} most recently used commits stay. "Used" is the modification time of a commit's
 * worktree directory and cache entries, which {@link #touch} sets whenever a run uses them.
 */
final class Retention {
  private Retention() {}

  /** Marks {@code directory} as used now. */
  static void touch(Path directory) {
    try {
      Files.setLastModifiedTime(directory, FileTime.from(Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + directory + " as used", e);
    }
  }

  /**
   * Removes the worktrees ({@code worktrees/<sha>}) and cache entries ({@code cache/<sha>-<hash>}) of
   * every commit but the {@code keep} most recently used ones.
   *
   * @return the removed commits' SHAs, least recently used first
   */
  static List<String> prune(Git git, Path worktrees, Path cache, int keep) {
    Map<String, FileTime> lastUsed = new HashMap<>();
    Map<String, List<Path>> paths = new HashMap<>();
    for (Path worktree : children(worktrees)) {
      add(worktree.getFileName().toString(), worktree, lastUsed, paths);
    }
    for (Path entry : children(cache)) {
      String name = entry.getFileName().toString();
      int dash = name.indexOf('-');
      add(dash < 0 ? name : name.substring(0, dash), entry, lastUsed, paths);
    }
    List<String> byUse = new ArrayList<>(lastUsed.keySet());
    byUse.sort(Comparator.comparing((String sha) -> lastUsed.get(sha)).reversed().thenComparing(sha -> sha));
    List<String> removed = new ArrayList<>();
    for (String sha : byUse.subList(Math.min(keep, byUse.size()), byUse.size()).reversed()) {
      for (Path path : paths.get(sha)) {
        if (path.getParent().equals(worktrees)) {
          // git forgets the worktree too; --force: ours are throwaway checkouts with build output
          if (git.tryRun("worktree", "remove", "--force", path.toString()).isEmpty()) {
            delete(path);
          }
        } else {
          delete(path);
        }
      }
      removed.add(sha);
    }
    if (!removed.isEmpty()) {
      git.tryRun("worktree", "prune");
    }
    return removed;
  }

  private static void add(String sha, Path path, Map<String, FileTime> lastUsed, Map<String, List<Path>> paths) {
    FileTime modified = modified(path);
    lastUsed.merge(sha, modified, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    paths.computeIfAbsent(sha, key -> new ArrayList<>()).add(path);
  }

  private static List<Path> children(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the time of " + path, e);
    }
  }

  private static void delete(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path, e);
    }
  }
}
