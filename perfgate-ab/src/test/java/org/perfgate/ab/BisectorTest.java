package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BisectorTest {
  @TempDir Path repository;

  /** A fake comparison: commit i (0-based) "regresses" from {@code firstBad} on; results name the commit. */
  private final List<String> tested = new ArrayList<>();

  private Bisector.Found<String> search(int count, int firstBad) {
    List<Bisector.Commit> commits = IntStream.range(0, count).mapToObj(i -> new Bisector.Commit("c" + i, "commit " + i))
        .toList();
    return Bisector.firstBad(commits, "head", commit -> {
      tested.add(commit.sha());
      int index = Integer.parseInt(commit.sha().substring(1));
      return (index >= firstBad ? "bad " : "good ") + commit.sha();
    }, result -> result.startsWith("bad") || result.equals("head") ? Bisector.Outcome.BAD : Bisector.Outcome.GOOD,
        step -> {});
  }

  @Test
  void findsTheFirstBadCommitInTheMiddleInLog2Steps() {
    for (int count = 2; count <= 33; count++) {
      for (int firstBad = 0; firstBad < count; firstBad++) {
        tested.clear();
        Bisector.Found<String> found = search(count, firstBad);

        assertThat(found.commit().sha()).as(count + " commits, first bad " + firstBad).isEqualTo("c" + firstBad);
        int log2 = 32 - Integer.numberOfLeadingZeros(count - 1);
        assertThat(tested).as(count + " commits, first bad " + firstBad).hasSizeLessThanOrEqualTo(log2)
            .doesNotContain("c" + (count - 1)).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void testsNothingWithOneCommitAndReturnsTheHeadsResult() {
    Bisector.Found<String> found = search(1, 0);

    assertThat(found.commit()).isEqualTo(new Bisector.Commit("c0", "commit 0"));
    assertThat(found.result()).isEqualTo("head");
    assertThat(found.steps()).isEmpty();
    assertThat(tested).isEmpty();
  }

  @Test
  void findsTheFirstCommitWhenEveryCommitIsBad() {
    Bisector.Found<String> found = search(5, 0);

    assertThat(found.commit().sha()).isEqualTo("c0");
    assertThat(found.result()).isEqualTo("bad c0");
    assertThat(tested).containsExactly("c2", "c1", "c0");
  }

  @Test
  void findsTheLastCommitAndKeepsTheHeadsResultWhenOnlyTheHeadIsBad() {
    Bisector.Found<String> found = search(5, 4);

    assertThat(found.commit().sha()).isEqualTo("c4");
    assertThat(found.result()).isEqualTo("head");
    assertThat(tested).containsExactly("c2", "c3");
  }

  @Test
  void reportsEachStepWithTheCandidatesLeft() {
    List<Bisector.Commit> commits = IntStream.range(0, 4).mapToObj(i -> new Bisector.Commit("c" + i, "s" + i)).toList();
    List<Bisector.Step<Boolean>> steps = new ArrayList<>();

    Bisector.Found<Boolean> found = Bisector.firstBad(commits, true, commit -> !commit.sha().equals("c0"),
        bad -> bad ? Bisector.Outcome.BAD : Bisector.Outcome.GOOD, steps::add);

    assertThat(found.commit().sha()).isEqualTo("c1");
    assertThat(steps).containsExactly(new Bisector.Step<>(4, commits.get(1), true, Bisector.Outcome.BAD),
        new Bisector.Step<>(2, commits.get(0), false, Bisector.Outcome.GOOD));
    assertThat(found.steps()).isEqualTo(steps);
  }

  /** Like {@link #search}, but commits in {@code unbuildable} are skipped. */
  private Bisector.Found<String> searchSkipping(int count, int firstBad, Set<Integer> unbuildable) {
    List<Bisector.Commit> commits = IntStream.range(0, count).mapToObj(i -> new Bisector.Commit("c" + i, "commit " + i))
        .toList();
    return Bisector.firstBad(commits, "head", commit -> {
      tested.add(commit.sha());
      int index = Integer.parseInt(commit.sha().substring(1));
      return unbuildable.contains(index) ? "skip " + commit.sha() : (index >= firstBad ? "bad " : "good ") + commit.sha();
    }, result -> result.startsWith("skip") ? Bisector.Outcome.SKIP
        : result.startsWith("bad") || result.equals("head") ? Bisector.Outcome.BAD : Bisector.Outcome.GOOD, step -> {});
  }

  @Test
  void testsANeighbourOfASkippedCommitAndStillFindsTheExactFirstBadOne() {
    Bisector.Found<String> found = searchSkipping(8, 5, Set.of(3));

    assertThat(found.commit().sha()).isEqualTo("c5");
    assertThat(found.undecided()).isEmpty();
    assertThat(tested).startsWith("c3").contains("c4").doesNotHaveDuplicates();
  }

  @Test
  void namesTheSkippedCommitsThatCouldBeTheFirstBadOneInstead() {
    Bisector.Found<String> found = searchSkipping(8, 5, Set.of(3, 4));

    assertThat(found.commit().sha()).isEqualTo("c5");
    assertThat(found.undecided()).extracting(Bisector.Commit::sha).containsExactly("c3", "c4");
    assertThat(tested).doesNotHaveDuplicates().doesNotContain("c7");
  }

  @Test
  void endsWhenEveryCandidateIsSkipped() {
    Bisector.Found<String> found = searchSkipping(4, 3, Set.of(0, 1, 2));

    assertThat(found.commit().sha()).isEqualTo("c3");
    assertThat(found.result()).isEqualTo("head");
    assertThat(found.undecided()).extracting(Bisector.Commit::sha).containsExactly("c0", "c1", "c2");
    assertThat(tested).containsExactlyInAnyOrder("c0", "c1", "c2");
  }

  @Test
  void rejectsAnEmptyListOfCommits() {
    assertThatThrownBy(() -> Bisector.firstBad(List.of(), "head", commit -> "x", result -> Bisector.Outcome.BAD,
        step -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsTheFirstParentCommitsAfterTheBaseOldestFirst() throws IOException {
    git("init", "-q", "-b", "main");
    String base = commit("one", "base");
    String second = commit("two", "second\twith a tab");
    git("checkout", "-q", "-b", "side", base);
    commit("side", "on a side branch");
    git("checkout", "-q", "main");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "-m", "merge side", "side");
    String merge = git("rev-parse", "HEAD");

    List<Bisector.Commit> commits = Bisector.firstParentCommits(repository, revision(base), revision(merge));

    assertThat(commits).containsExactly(new Bisector.Commit(second, "second\twith a tab"),
        new Bisector.Commit(merge, "merge side"));
    assertThat(Bisector.firstParentCommits(repository, revision(merge), revision(base))).isEmpty();
  }

  private static Revision revision(String sha) {
    return new Revision(sha, sha, Optional.empty(), Optional.empty());
  }

  private String commit(String content, String message) throws IOException {
    Files.writeString(repository.resolve("file-" + content + ".txt"), content);
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    return git("rev-parse", "HEAD");
  }

  private String git(String... arguments) {
    return new Git(repository).run(arguments);
  }
}
