package org.perfgate.ab;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
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
        + " trials each");
    Worktrees worktrees = new Worktrees(git, perfgate.resolve("worktrees"));
    BuildCache cache = new BuildCache(perfgate.resolve("cache"), config.build(), config.artifact());
    Trials.SideState baseState = prepare(Side.BASE, base, worktrees, cache);
    Trials.SideState headState = prepare(Side.HEAD, head, worktrees, cache);
    String runId = "ab-" + RUN_TIME.format(Instant.now()) + "-"
        + HexFormat.of().toHexDigits((short) new SplittableRandom().nextInt());
    Path runDirectory = Trials.createDirectory(perfgate.resolve("ab").resolve(runId));
    progress.accept("logs in " + runDirectory);
    List<Side> order = Interleaving.order(config.trials(), new SplittableRandom(request.seed()));
    List<AbResult.PlanTrials> plans = new Trials(config, request, protocol, store, progress, runDirectory, runId)
        .run(order, baseState, headState);
    return new AbResult(base, head, plans);
  }

  private Trials.SideState prepare(Side side, Revision revision, Worktrees worktrees, BuildCache cache) {
    Path worktree = worktrees.checkout(revision);
    boolean cached = request.skipBuild() || cache.isCached(revision);
    progress.accept((cached ? "using the cached build of " : "building ") + side.label() + " " + revision.describe());
    Path artifact = cache.artifact(revision, side.label(), worktree, request.skipBuild());
    return new Trials.SideState(side, revision, worktree, artifact, config.plans().size());
  }
}
