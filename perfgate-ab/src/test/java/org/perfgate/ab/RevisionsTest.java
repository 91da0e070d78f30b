package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionsTest {
  @TempDir Path repository;

  @Test
  void ordersReleaseTagsBySemanticVersionNotByName() {
    assertThat(Revisions.newestRelease(List.of("v1.2.3", "v1.10.0", "v1.9.9", "v0.99.0"))).contains("v1.10.0");
    assertThat(Revisions.newestRelease(List.of("v2", "v1.99", "v1.100.1"))).contains("v2");
    assertThat(SemanticVersion.parse("v1.10").orElseThrow()).isGreaterThan(SemanticVersion.parse("v1.9.1").orElseThrow());
  }

  @Test
  void skipsPreReleasesAndTagsThatAreNoVersion() {
    assertThat(Revisions.newestRelease(List.of("v1.0.0", "v2.0.0-rc1", "nightly", "v1.1.0+build5"))).contains("v1.0.0");
    assertThat(Revisions.newestRelease(List.of("nightly"))).isEqualTo(Optional.empty());
  }

  @Test
  void resolvesBranchesTagsShasHeadAndLatest() throws IOException {
    git("init", "-q", "-b", "main");
    String first = commit("one");
    git("tag", "v1.9.0");
    String second = commit("two");
    git("tag", "v1.10.0");
    git("tag", "v2.0.0-rc1");
    git("checkout", "-q", "-b", "feature");
    String third = commit("three");
    Revisions revisions = new Revisions(new Git(repository), "v*");

    assertThat(revisions.resolve("main")).isEqualTo(new Revision("main", second, Optional.of("main"), Optional.of("v1.10.0")));
    assertThat(revisions.resolve("HEAD")).isEqualTo(new Revision("HEAD", third, Optional.of("feature"), Optional.empty()));
    assertThat(revisions.resolve("v1.9.0")).isEqualTo(new Revision("v1.9.0", first, Optional.empty(), Optional.of("v1.9.0")));
    assertThat(revisions.resolve(first.substring(0, 8)).sha()).isEqualTo(first);
    Revision latest = revisions.resolve("latest");
    assertThat(latest.sha()).isEqualTo(second);
    assertThat(latest.describe()).isEqualTo("latest = v1.10.0 (" + second.substring(0, 10) + ")");
  }

  @Test
  void rejectsUnknownRefsAndMissingReleaseTags() throws IOException {
    git("init", "-q", "-b", "main");
    commit("one");
    Revisions revisions = new Revisions(new Git(repository), "v*");

    assertThatThrownBy(() -> revisions.resolve("nope")).isInstanceOf(AbException.class)
        .hasMessage("unknown git revision 'nope' in " + repository + "; expected a branch, a tag, a commit SHA, HEAD or latest");
    assertThatThrownBy(() -> revisions.resolve("--all")).hasMessageStartingWith("unknown git revision '--all'");
    assertThatThrownBy(() -> revisions.resolve("latest")).isInstanceOf(AbException.class)
        .hasMessage("'latest': no release tag matching 'v*' (such as v1.2.3) in " + repository + "; tags found: []");
  }

  private String commit(String content) throws IOException {
    Files.writeString(repository.resolve("file.txt"), content);
    git("add", "file.txt");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", content);
    return git("rev-parse", "HEAD");
  }

  private String git(String... arguments) {
    return new Git(repository).run(arguments);
  }
}
