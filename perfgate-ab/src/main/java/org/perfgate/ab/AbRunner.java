package org.perfgate.ab;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.plan.AbConfig;
import org.perfgate.store.RunStore;

/**
 * {@code perfgate ab}'s engine: resolves both revisions, checks each out in its own worktree, builds
 * it (or takes the cached build), then runs the trials of both sides interleaved and stores every
 * one. The caller compares the returned sides. Not thread-safe; run once.
 *
 * <pre>{@code
 * AbResult result = AbRunner.create(config, request, protocol, store, err::println).run();
 * }</pre>
 */
public final class AbRunner {
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final AbConfig config;
  private final AbRequest request;
  private final HttpProtocol protocol;
  private final RunStore store;
  private final Consumer<String> progress;

  private AbRunner(AbConfig config, AbRequest request, HttpProtocol protocol, RunStore store,
      Consumer<String> progress) {
    this.config = config;
    this.request = request;
    this.protocol = protocol;
    this.store = store;
    this.progress = progress;
  }

  /**
   * @param protocol the HTTP client for the plans and the readiness probe
   * @param store where every trial is saved (not closed here)
   * @param progress told what happens, one line at a time (for stderr)
   */
  public static AbRunner create(AbConfig config, AbRequest request, HttpProtocol protocol, RunStore store,
      Consumer<String> progress) {
    return new AbRunner(Objects.requireNonNull(config, "config"), Objects.requireNonNull(request, "request"),
        Objects.requireNonNull(protocol, "protocol"), Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(progress, "progress"));
  }

  /**
   * Builds, starts and measures both sides; trials are stored as they finish.
   *
   * @throws AbException unknown revision, build failure, a side that never becomes ready
   * @throws org.perfgate.model.InvalidInputException an invalid plan
   */
  public AbResult run() {
    return run(config.trials(), result -> false);
  }

  /**
   * As {@link #run()}, then adaptive: while {@code more} says so after a result (all trials so
   * far) and fewer than {@code maxTrialsPerSide} trials per side were run, runs one more pair, one
   * trial of each side in random order. {@code more} is asked after the configured trials and after
   * every added pair (also the last one), so it can report each.
   *
   * @param maxTrialsPerSide the most trials per side, counting failed ones; at most
   *     {@code ab.trials} means no pair is added
   */
  public AbResult run(int maxTrialsPerSide, Predicate<AbResult> more) {
    Path project = request.projectDirectory().toAbsolutePath();
    Path perfgate = project.resolve(".perfgate");
    Git git = new Git(project);
    if (git.tryRun("rev-parse", "--show-toplevel").isEmpty()) {
      throw new AbException(project + " is not a git repository: perfgate ab compares two commits of one");
    }
    Revisions revisions = new Revisions(git, config.tagPattern());
    Revision base = revisions.resolve(request.base());
    Revision head = revisions.resolve(request.head());
    progress.accept("base " + base.describe() + " vs head " + head.describe() + ", " + config.trials()
        + " trials each, " + request.mode().label());
    Optional<CpuSets.Halves> cpus = request.mode() == AbMode.DUET ? duetCpus() : Optional.empty();
    Worktrees worktrees = new Worktrees(git, perfgate.resolve("worktrees"));
    BuildCache cache = new BuildCache(perfgate.resolve("cache"), config.build(), config.artifact());
    Trials.SideState baseState = prepare(Side.BASE, base, worktrees, cache);
    Trials.SideState headState = prepare(Side.HEAD, head, worktrees, cache);
    String runId = "ab-" + RUN_TIME.format(Instant.now()) + "-"
        + HexFormat.of().toHexDigits((short) new SplittableRandom().nextInt());
    Path runDirectory = Trials.createDirectory(perfgate.resolve("ab").resolve(runId));
    progress.accept("logs in " + runDirectory);
    SplittableRandom random = new SplittableRandom(request.seed());
    Trials trials = new Trials(config, request, protocol, store, progress, runDirectory, runId);
    AbResult result = new AbResult(base, head, request.mode() == AbMode.DUET
        ? trials.duet(config.trials(), baseState, headState, cpus)
        : trials.run(Interleaving.order(config.trials(), random), baseState, headState));
    int perSide = config.trials();
    boolean again = perSide < maxTrialsPerSide && more.test(result);
    while (again) {
      result = new AbResult(base, head, request.mode() == AbMode.DUET
          ? trials.duet(1, baseState, headState, cpus)
          : trials.run(Interleaving.order(1, random), baseState, headState));
      perSide++;
      again = more.test(result) && perSide < maxTrialsPerSide;
    }
    List<String> pruned = Retention.prune(git, perfgate.resolve("worktrees"), perfgate.resolve("cache"),
        config.keepBuilds());
    if (!pruned.isEmpty()) {
      progress.accept("removed the builds and worktrees of " + pruned.size() + " commit(s) not used lately"
          + " (ab.keepBuilds: " + config.keepBuilds() + ")");
    }
    return result;
  }

  /** Half the cores per side, or none (with a warning) when they cannot be pinned. */
  private Optional<CpuSets.Halves> duetCpus() {
    // Only the CLI reads the process environment; the request carries it.
    if (!CpuSets.tasksetAvailable(request.env().getOrDefault("PATH", "/usr/bin:/bin"))) {
      progress.accept("warning: duet without pinning: taskset is not on the PATH; both sides share every core");
      return Optional.empty();
    }
    Optional<CpuSets.Halves> halves = CpuSets.split(CpuSets.allowed());
    if (halves.isEmpty()) {
      progress.accept("warning: duet without pinning: one core only; both sides share it");
    } else {
      progress.accept("duet: cores " + halves.get().base() + " and " + halves.get().head()
          + ", one half per side, swapped every pair; the load generator is not pinned");
    }
    return halves;
  }

  private Trials.SideState prepare(Side side, Revision revision, Worktrees worktrees, BuildCache cache) {
    Path worktree = worktrees.checkout(revision);
    boolean cached = request.skipBuild() || cache.isCached(revision);
    progress.accept((cached ? "using the cached build of " : "building ") + side.label() + " " + revision.describe());
    Path artifact = cache.artifact(revision, side.label(), worktree, request.skipBuild());
    return new Trials.SideState(side, revision, worktree, artifact, config.plans().size());
  }
}
