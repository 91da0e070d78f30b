package org.perfgate.ab;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One git worktree per commit under {@code .perfgate/worktrees/<sha>}, checked out detached and
 * reused by later runs: the user's own checkout is never touched. {@link Retention} removes those of
 * commits no longer used.
 */
final class Worktrees {
  private final Git git;
  private final Path root;

  Worktrees(Git git, Path root) {
    this.git = git;
    this.root = root;
  }

  /** The worktree of {@code revision}, created if needed. */
  Path checkout(Revision revision) {
    Path worktree = root.resolve(revision.sha()).toAbsolutePath();
    if (Files.exists(worktree.resolve(".git"))) {
      String checkedOut = new Git(worktree).tryRun("rev-parse", "HEAD").orElse("");
      if (checkedOut.equals(revision.sha())) {
        Retention.touch(worktree);
        return worktree;
      }
      throw new AbException(worktree + " is not a clean worktree of " + revision.sha()
          + "; remove it (git worktree remove --force " + worktree + ") and run again");
    }
    if (Files.exists(worktree)) {
      throw new AbException(worktree + " exists but is not a git worktree; remove it and run again");
    }
    git.run("worktree", "prune"); // forgets worktrees whose directories were deleted, so the path is free
    git.run("worktree", "add", "--detach", worktree.toString(), revision.sha());
    Retention.touch(worktree);
    return worktree;
  }
}
