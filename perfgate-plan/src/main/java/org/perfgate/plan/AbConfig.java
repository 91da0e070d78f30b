package org.perfgate.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.perfgate.model.Durations;

/**
 * The {@code ab:} section of {@code perfgate.yaml}: how {@code perfgate ab} builds a revision, starts
 * it, knows it is ready, and which plans it runs against it.
 *
 * <p>{@code ${PORT}}, {@code ${ARTIFACT}} and {@code ${BASE_URL}} in {@code start}, {@code env} and
 * {@code ready.http} are left as written when the file is read ({@link #PLACEHOLDERS}): they are
 * known only when the system under test starts, and are replaced then. Every other {@code ${VAR}} is
 * substituted from the environment as in the rest of the file.
 *
 * @param build shell command run in the revision's worktree to build it
 * @param artifact what the build produces, relative to the worktree (a file or directory), cached per
 *     commit; empty: the worktree itself is the artifact and nothing is copied
 * @param start shell command that starts the system under test, run in the worktree
 * @param env extra environment of the system under test
 * @param ready how to tell the system under test is ready
 * @param warmup how long the plans run against a fresh system before each measured trial (discarded)
 * @param warmupIterations instead of a time, how many iterations of each plan's scenarios warm it up
 *     (discarded; 0 = none); at most one of the two is set
 * @param firstRequest the URL of the request whose latency is measured right after readiness
 *     ({@code ${PORT}}, {@code ${BASE_URL}} allowed); empty: the first plan's first GET with a fixed
 *     URL, else the readiness URL
 * @param plans plan files, relative to the project directory; at least one
 * @param trials measured trials per side, {@code >= 1}
 * @param tagPattern the git tags {@code --base latest} chooses from (a {@code git tag --list} pattern)
 * @param mode {@code duet} or {@code sequential} when the file says ({@code --mode} overrides)
 * @param keepBuilds how many cached builds (and their worktrees) are kept, the least recently used
 *     are removed after each run; {@code >= 2}
 */
public record AbConfig(
    String build,
    Optional<String> artifact,
    String start,
    Map<String, String> env,
    Readiness ready,
    Duration warmup,
    long warmupIterations,
    Optional<String> firstRequest,
    List<String> plans,
    int trials,
    String tagPattern,
    Optional<String> mode,
    int keepBuilds) {
  /** Names substituted when the system under test starts, not when the file is read. */
  public static final Set<String> PLACEHOLDERS = Set.of("PORT", "ARTIFACT", "BASE_URL");

  /** Trials per side when neither the file nor {@code --trials} says. */
  public static final int DEFAULT_TRIALS = 10;

  /** How long readiness is awaited when the file does not say. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

  /** The tags {@code --base latest} considers when the file does not say. */
  public static final String DEFAULT_TAG_PATTERN = "v*";

  /** Cached builds kept when the file does not say: a base, a head and a few bisect steps. */
  public static final int DEFAULT_KEEP_BUILDS = 10;

  /** The values {@code ab.mode} takes. */
  public static final List<String> MODES = List.of("duet", "sequential");

  public AbConfig {
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(start, "start");
    env = Map.copyOf(env);
    Objects.requireNonNull(ready, "ready");
    Durations.requireNonNegative(warmup, "warmup");
    if (warmupIterations < 0 || warmupIterations > 0 && !warmup.isZero()) {
      throw new IllegalArgumentException("warmup: expected a duration or a number of iterations, not both");
    }
    Objects.requireNonNull(firstRequest, "firstRequest");
    plans = List.copyOf(plans);
    Objects.requireNonNull(tagPattern, "tagPattern");
    Objects.requireNonNull(mode, "mode");
    if (mode.isPresent() && !MODES.contains(mode.get())) {
      throw new IllegalArgumentException("mode: expected duet or sequential, got '" + mode.get() + "'");
    }
    if (keepBuilds < 2) {
      throw new IllegalArgumentException("keepBuilds must be >= 2 (a base and a head), was " + keepBuilds);
    }
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("plans: expected at least one plan file");
    }
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1, was " + trials);
    }
  }

  /** The same settings with another trial count (the {@code --trials} flag). */
  public AbConfig withTrials(int value) {
    return new AbConfig(build, artifact, start, env, ready, warmup, warmupIterations, firstRequest, plans, value,
        tagPattern, mode, keepBuilds);
  }

  /** How readiness is probed; either way it fails after {@link #timeout()}. */
  public sealed interface Readiness {
    Duration timeout();

    /** Ready when a GET of {@code url} (which may use {@code ${PORT}}) answers 2xx. */
    record Http(String url, Duration timeout) implements Readiness {
      public Http {
        Objects.requireNonNull(url, "url");
        Durations.requirePositive(timeout, "timeout");
      }
    }

    /** Ready when the system's stdout or stderr has a line containing {@code text}. */
    record LogLine(String text, Duration timeout) implements Readiness {
      public LogLine {
        Objects.requireNonNull(text, "text");
        Durations.requirePositive(timeout, "timeout");
      }
    }
  }
}
