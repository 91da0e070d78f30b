package org.perfgate.ab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code perfgate ab --bisect}: finds the first bad commit between a good base and a bad head by
 * binary search over the commits between them, testing about log2(N) of them. What "testing" means
 * (an ab comparison of base against the commit) is the caller's function, so the search is
 * testable with a fake. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<Bisector.Commit> commits = Bisector.firstParentCommits(project, result.base(), result.head());
 * Bisector.Found<Comparison> found = Bisector.firstBad(commits, headComparison, this::compareWith,
 *     comparison -> comparison.overall() == Verdict.REGRESSION, step -> out.println(step));
 * }</pre>
 */
public final class Bisector {
  private Bisector() {}

  /**
   * A commit on the first-parent path from base to head.
   *
   * @param sha the full commit SHA
   * @param subject the first line of its message
   */
  public record Commit(String sha, String subject) {
    public Commit {
      Objects.requireNonNull(sha, "sha");
      Objects.requireNonNull(subject, "subject");
    }

    /** The first 10 characters of the SHA, as {@link Revision#shortSha()}. */
    public String shortSha() {
      return sha.substring(0, Math.min(10, sha.length()));
    }
  }

  /**
   * One tested commit.
   *
   * @param candidates how many commits could still be the first bad one when this one was tested
   * @param commit the tested commit
   * @param result what testing it gave
   * @param bad whether that result counts as bad (a regression)
   */
  public record Step<R>(int candidates, Commit commit, R result, boolean bad) {}

  /**
   * The answer of a search.
   *
   * @param commit the first bad commit
   * @param result the result that showed it bad (the head's own when no commit had to be tested)
   * @param steps every tested commit, in test order
   */
  public record Found<R>(Commit commit, R result, List<Step<R>> steps) {
    public Found {
      Objects.requireNonNull(commit, "commit");
      steps = List.copyOf(steps);
    }
  }

  /**
   * Binary search for the first bad commit, assuming the base (before {@code commits}) is good, the
   * last commit (the head) is bad with {@code headResult}, and a commit after a bad one stays bad.
   * The head is never tested again; with one commit nothing is tested.
   *
   * @param commits the commits after the base up to the head, oldest first; not empty
   * @param test measures one commit (for ab: compares the base with it)
   * @param bad whether a result is bad
   * @param onStep told each tested commit as soon as its result is known
   */
  public static <R> Found<R> firstBad(List<Commit> commits, R headResult, Function<Commit, R> test,
      Predicate<R> bad, Consumer<Step<R>> onStep) {
    if (commits.isEmpty()) {
      throw new IllegalArgumentException("bisect needs at least one commit after the base (the head)");
    }
    int firstCandidate = 0;
    int knownBad = commits.size() - 1;
    R badResult = headResult;
    List<Step<R>> steps = new ArrayList<>();
    while (firstCandidate < knownBad) {
      int middle = (firstCandidate + knownBad) >>> 1;
      Commit commit = commits.get(middle);
      R result = test.apply(commit);
      Step<R> step = new Step<>(knownBad - firstCandidate + 1, commit, result, bad.test(result));
      steps.add(step);
      onStep.accept(step);
      if (step.bad()) {
        knownBad = middle;
        badResult = result;
      } else {
        firstCandidate = middle + 1;
      }
    }
    return new Found<>(commits.get(knownBad), badResult, steps);
  }

  /**
   * The commits after {@code base} up to {@code head} on head's first-parent path, oldest first
   * ({@code git rev-list --first-parent --reverse base..head}); empty when head is base or behind it.
   *
   * @throws AbException git fails
   */
  public static List<Commit> firstParentCommits(Path repository, Revision base, Revision head) {
    // %x09 (a tab) cannot occur in a SHA; the subject keeps any tabs after the first.
    String log = new Git(repository.toAbsolutePath()).run("log", "--first-parent", "--reverse", "--no-show-signature",
        "--format=%H%x09%s", base.sha() + ".." + head.sha());
    List<Commit> commits = new ArrayList<>();
    for (String line : log.lines().toList()) {
      if (!line.isBlank()) {
        int tab = line.indexOf('\t');
        commits.add(tab < 0 ? new Commit(line.strip(), "") : new Commit(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return commits;
  }
}
