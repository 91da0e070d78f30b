package org.perfgate.ab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code perfgate ab --bisect}: finds the first bad commit between a good base and a bad head by
 * binary search over the commits between them, testing about log2(N) of them. What "testing" means
 * (an ab comparison of base against the commit) is the caller's function, so the search is
 * testable with a fake. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<Bisector.Commit> commits = Bisector.firstParentCommits(project, result.base(), result.head());
 * Bisector.Found<Comparison> found = Bisector.firstBad(commits, headComparison, this::compareWith,
 *     comparison -> comparison.overall() == Verdict.REGRESSION ? Outcome.BAD : Outcome.GOOD, out::println);
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

  /** What testing a commit showed. */
  public enum Outcome {
    /** Not regressed against the base. */
    GOOD,
    /** Regressed against the base. */
    BAD,
    /**
     * Cannot tell: it does not build or start, or its comparison is inconclusive. Skipped as {@code
     * git bisect skip} does: the search tests a neighbour instead.
     */
    SKIP
  }

  /**
   * One tested commit.
   *
   * @param candidates how many commits could still be the first bad one when this one was tested
   * @param commit the tested commit
   * @param result what testing it gave
   * @param outcome what that result counts as
   */
  public record Step<R>(int candidates, Commit commit, R result, Outcome outcome) {}

  /**
   * The answer of a search.
   *
   * @param commit the first bad commit, as far as the tests tell
   * @param result the result that showed it bad (the head's own when no commit had to be tested)
   * @param undecided skipped commits right before {@code commit} (after the last good one): each
   *     could be the first bad one instead; empty when the answer is exact
   * @param steps every tested commit, in test order
   */
  public record Found<R>(Commit commit, R result, List<Commit> undecided, List<Step<R>> steps) {
    public Found {
      Objects.requireNonNull(commit, "commit");
      undecided = List.copyOf(undecided);
      steps = List.copyOf(steps);
    }
  }

  /**
   * Binary search for the first bad commit, assuming the base (before {@code commits}) is good, the
   * last commit (the head) is bad with {@code headResult}, and a commit after a bad one stays bad.
   * The head is never tested again; with one commit nothing is tested. A skipped commit is not
   * tested again; the search tries the untested commit nearest the middle instead, and when only
   * skipped commits are left the answer names them as {@link Found#undecided()}.
   *
   * @param commits the commits after the base up to the head, oldest first; not empty
   * @param test measures one commit (for ab: compares the base with it)
   * @param outcome what a result counts as
   * @param onStep told each tested commit as soon as its result is known
   */
  public static <R> Found<R> firstBad(List<Commit> commits, R headResult, Function<Commit, R> test,
      Function<R, Outcome> outcome, Consumer<Step<R>> onStep) {
    if (commits.isEmpty()) {
      throw new IllegalArgumentException("bisect needs at least one commit after the base (the head)");
    }
    int firstCandidate = 0;
    int knownBad = commits.size() - 1;
    R badResult = headResult;
    boolean[] skipped = new boolean[commits.size()];
    List<Step<R>> steps = new ArrayList<>();
    while (true) {
      int next = nearestUntested(firstCandidate, knownBad, skipped);
      if (next < 0) {
        break;
      }
      Commit commit = commits.get(next);
      R result = test.apply(commit);
      Step<R> step = new Step<>(knownBad - firstCandidate + 1, commit, result, outcome.apply(result));
      steps.add(step);
      onStep.accept(step);
      switch (step.outcome()) {
        case BAD -> {
          knownBad = next;
          badResult = result;
        }
        case GOOD -> firstCandidate = next + 1;
        case SKIP -> skipped[next] = true;
      }
    }
    List<Commit> undecided = new ArrayList<>();
    for (int i = firstCandidate; i < knownBad; i++) {
      undecided.add(commits.get(i)); // every commit left in the range was skipped
    }
    return new Found<>(commits.get(knownBad), badResult, undecided, steps);
  }

  /** The candidate in {@code [first, knownBad)} nearest the middle that was not skipped, or -1. */
  private static int nearestUntested(int first, int knownBad, boolean[] skipped) {
    int middle = (first + knownBad) >>> 1;
    for (int distance = 0; distance < knownBad - first; distance++) {
      for (int candidate : new int[] {middle - distance, middle + distance}) {
        if (candidate >= first && candidate < knownBad && !skipped[candidate]) {
          return candidate;
        }
      }
    }
    return -1;
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
