package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  @TempDir Path repository;

  @Test
  void removesTheWorktreesAndBuildsOfAllButTheMostRecentlyUsedCommits() throws IOException {
    git("init", "-q", "-b", "main");
    List<String> shas = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Files.writeString(repository.resolve("file.txt"), "version " + i);
      git("add", "-A");
      git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "commit " + i);
      shas.add(git("rev-parse", "HEAD"));
    }
    Path worktrees = repository.resolve(".perfgate/worktrees");
    Path cache = repository.resolve(".perfgate/cache");
    Worktrees checkouts = new Worktrees(new Git(repository), worktrees);
    for (int i = 0; i < 4; i++) {
      Path worktree = checkouts.checkout(new Revision(shas.get(i), shas.get(i), Optional.empty(), Optional.empty()));
      Path build = Files.createDirectories(cache.resolve(shas.get(i) + "-0123456789ab"));
      Files.writeString(build.resolve("app.jar"), "built");
      // commit i was last used i minutes ago: 0 is the newest
      FileTime used = FileTime.from(Instant.now().minusSeconds(60L * i));
      Files.setLastModifiedTime(worktree, used);
      Files.setLastModifiedTime(build, used);
    }

    List<String> removed = Retention.prune(new Git(repository), worktrees, cache, 2);

    assertThat(removed).containsExactly(shas.get(3), shas.get(2));
    assertThat(worktrees.resolve(shas.get(0))).isDirectory();
    assertThat(worktrees.resolve(shas.get(1))).isDirectory();
    assertThat(worktrees.resolve(shas.get(2))).doesNotExist();
    assertThat(cache.resolve(shas.get(3) + "-0123456789ab")).doesNotExist();
    assertThat(cache.resolve(shas.get(1) + "-0123456789ab").resolve("app.jar")).exists();
    assertThat(git("worktree", "list")).doesNotContain(shas.get(2)).doesNotContain(shas.get(3))
        .contains(worktrees.resolve(shas.get(0)).toString());
    assertThat(Retention.prune(new Git(repository), worktrees, cache, 2)).isEmpty();
  }

  @Test
  void keepsEverythingWhenThereIsNothingToRemove() {
    assertThat(Retention.prune(new Git(repository), repository.resolve("none"), repository.resolve("nothing"), 2))
        .isEmpty();
  }

  private String git(String... arguments) {
    return new Git(repository).run(arguments);
  }
}
