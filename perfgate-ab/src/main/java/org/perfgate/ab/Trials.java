package org.perfgate.ab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.function.Consumer;
import org.perfgate.engine.Engine;
import org.perfgate.engine.EngineOptions;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Plan;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;
import org.perfgate.plan.AbConfig;
import org.perfgate.plan.PlanLoader;
import org.perfgate.store.RunStore;

/**
 * Runs the interleaved trials. Each trial starts a fresh system under test, runs the warm-up
 * (discarded), runs every plan once, stores each result and stops the system. A fresh system per
 * trial costs a start-up each time but makes trials independent: JIT state, caches, heap and leaks
 * of one trial do not flow into the next, so the trials are the independent samples the comparison's
 * statistics assume (and start-up cost is measured every time).
 *
 * <p>A trial whose system crashes, or (after the side's first successful trial) never becomes ready,
 * is recorded as failed and the run goes on; on a side's first trial the same failure ends the run,
 * since it points at the configuration rather than bad luck.
 *
 * <p>A duet trial ({@link AbMode#DUET}) is one trial of each side on two threads at once, each system
 * under test under {@code taskset}; the trials' results are stored as in sequential mode, so the
 * comparison is the same. Only the two sides' threads touch their own {@link SideState}; the store
 * is shared and saved to under its lock.
 */
final class Trials {
  /** One side's revision, build and what its trials produced so far. */
  static final class SideState {
    final Side side;
    final Revision revision;
    final Path worktree;
    final Path artifact;
    final List<List<String>> runIds = new ArrayList<>();
    final List<List<RunResult>> results = new ArrayList<>();
    final List<List<SutMetrics>> sutMetrics = new ArrayList<>();
    final List<RunMetadata> firstMetadata = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    int attempts;
    int successes;

    SideState(Side side, Revision revision, Path worktree, Path artifact, int plans) {
      this.side = side;
      this.revision = revision;
      this.worktree = worktree;
      this.artifact = artifact;
      for (int plan = 0; plan < plans; plan++) {
        runIds.add(new ArrayList<>());
        results.add(new ArrayList<>());
        sutMetrics.add(new ArrayList<>());
      }
    }

    String label() {
      return side.label() + " " + revision.describe();
    }
  }

  private final AbConfig config;
  private final AbRequest request;
  private final HttpProtocol protocol;
  private final RunStore store;
  private final Consumer<String> progress;
  private final Path runDirectory;
  private final String runId;
  private final List<Path> planFiles;
  private final List<String> planHashes = new ArrayList<>();
  private int trialsRun;

  Trials(AbConfig config, AbRequest request, HttpProtocol protocol, RunStore store, Consumer<String> progress,
      Path runDirectory, String runId) {
    this.config = config;
    this.request = request;
    this.protocol = protocol;
    this.store = store;
    this.progress = progress;
    this.runDirectory = runDirectory;
    this.runId = runId;
    this.planFiles = config.plans().stream().map(plan -> request.projectDirectory().resolve(plan)).toList();
    for (Path plan : planFiles) {
      planHashes.add(sha256(read(plan)));
    }
  }

  /**
   * Runs every trial in {@code order} and returns each plan's trials per side, counting those of
   * earlier calls: adaptive runs call again with one more pair.
   */
  List<AbResult.PlanTrials> run(List<Side> order, SideState base, SideState head) {
    Map<Side, SideState> sides = new EnumMap<>(Side.class);
    sides.put(Side.BASE, base);
    sides.put(Side.HEAD, head);
    checkPlans();
    int total = trialsRun + order.size();
    for (Side next : order) {
      SideState side = sides.get(next);
      trialsRun++;
      progress.accept("trial " + trialsRun + " of " + total + ": " + side.label());
      trial(side, Optional.empty(), new Phaser(1));
    }
    return result(base, head);
  }

  /**
   * Runs {@code pairs} duet trials, each both sides at once (each pinned to a core list when given;
   * base takes the first half in the first pair, then the halves alternate), and returns each plan's trials per side, counting those of earlier calls. Start, end
   * of warm-up and each plan's run are synchronised; a side that fails leaves the other to finish
   * alone.
   */
  List<AbResult.PlanTrials> duet(int pairs, SideState base, SideState head, Optional<CpuSets.Halves> cpus) {
    checkPlans();
    int total = trialsRun / 2 + pairs;
    for (int pair = 0; pair < pairs; pair++) {
      trialsRun += 2;
      progress.accept("duet trial " + trialsRun / 2 + " of " + total + ": " + base.label() + " and " + head.label()
          + " at once");
      // The halves alternate between the sides pair by pair: cores are not equal (interrupts, the
      // generator's threads, shared caches), and a fixed assignment showed as a false -5 % on an A/A run.
      Optional<CpuSets.Halves> halves = (trialsRun / 2) % 2 == 0 ? cpus : cpus.map(CpuSets.Halves::swapped);
      Phaser together = new Phaser(2);
      RuntimeException failure = null;
      try (ExecutorService sides = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("perfgate-duet-", 0).factory())) {
        Future<?> baseTrial = sides.submit(() -> trial(base, halves.map(CpuSets.Halves::base), together));
        Future<?> headTrial = sides.submit(() -> trial(head, halves.map(CpuSets.Halves::head), together));
        for (Future<?> trial : List.of(baseTrial, headTrial)) {
          try {
            trial.get();
          } catch (ExecutionException e) {
            if (failure == null) {
              failure = e.getCause() instanceof RuntimeException runtime ? runtime
                  : new AbException("duet trial failed: " + e.getCause());
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbException("interrupted during a duet trial");
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
    return result(base, head);
  }

  // Plans are checked up front, so a typo fails in a second, not after the first build and start.
  private void checkPlans() {
    for (Path plan : planFiles) {
      PlanLoader.load(plan, planEnv(1));
    }
  }

  private List<AbResult.PlanTrials> result(SideState base, SideState head) {
    List<AbResult.PlanTrials> plans = new ArrayList<>();
    for (int plan = 0; plan < planFiles.size(); plan++) {
      AbResult.SideTrials baseTrials = sideTrials(base, plan);
      AbResult.SideTrials headTrials = sideTrials(head, plan);
      plans.add(new AbResult.PlanTrials(baseTrials.side().metadata().planName(), baseTrials, headTrials));
    }
    return plans;
  }

  /**
   * One trial of one side; {@code together} holds it at the start of the warm-up, of the measurement
   * and of each plan until every other registered side is there (a duet), and is left on return.
   */
  private void trial(SideState state, Optional<String> cpus, Phaser together) {
    try {
      trialOf(state, cpus, together);
    } finally {
      together.arriveAndDeregister();
    }
  }

  private void trialOf(SideState state, Optional<String> cpus, Phaser together) {
    state.attempts++;
    Path logPrefix = runDirectory.resolve(state.side.label() + "-trial" + state.attempts);
    Sut sut;
    try {
      sut = Sut.start(config, state.artifact, state.worktree, logPrefix, request.env(), protocol, cpus);
    } catch (AbException e) {
      if (state.successes == 0) {
        throw new AbException(state.label() + ": " + e.getMessage());
      }
      fail(state, e.getMessage());
      return;
    }
    try {
      Map<String, String> env = planEnv(sut.port());
      List<Plan> plans = new ArrayList<>();
      for (Path file : planFiles) {
        plans.add(PlanLoader.load(file, env));
      }
      FirstRequest.url(config, plans.getFirst(), sut.port()).ifPresent(uri -> sut.measureFirstRequest(uri, protocol));
      sut.firstRequestProblem().ifPresent(problem -> progress.accept(state.label() + ": warning: " + problem));
      together.arriveAndAwaitAdvance();
      WarmUp.run(config, plans, protocol, engineOptions(env));
      together.arriveAndAwaitAdvance();
      List<RunResult> results = new ArrayList<>();
      long[] windows = new long[plans.size() * 2];
      for (int plan = 0; plan < plans.size(); plan++) {
        together.arriveAndAwaitAdvance();
        windows[2 * plan] = sut.sampleNow().map(SutSample::nanoTime).orElse(System.nanoTime());
        RunResult result = Engine.create(plans.get(plan), protocol, engineOptions(env)).run();
        windows[2 * plan + 1] = sut.sampleNow().map(SutSample::nanoTime).orElse(System.nanoTime());
        if (!sut.alive()) {
          fail(state, sut.exitDescription());
          return;
        }
        results.add(result);
      }
      SutMetrics metrics = sut.stop();
      List<SutSample> samples = sut.samples();
      state.successes++;
      for (int plan = 0; plan < plans.size(); plan++) {
        RunResult result = SutRecording.attach(results.get(plan), metrics, samples, windows[2 * plan],
            windows[2 * plan + 1]);
        RunMetadata metadata = new RunMetadata(request.project(), plans.get(plan).name(), planHashes.get(plan),
            Optional.of(state.revision.sha()), state.revision.branch(), state.revision.tag(),
            result.started(), request.environment(), group(state.side, plan), state.successes);
        String id;
        synchronized (store) { // a duet's two sides store at the same time
          id = store.save(metadata, result);
        }
        state.runIds.get(plan).add(id);
        state.results.get(plan).add(result);
        state.sutMetrics.get(plan).add(metrics);
        if (state.firstMetadata.size() == plan) {
          state.firstMetadata.add(metadata);
        }
      }
      progress.accept(state.label() + ": trial " + state.successes + " stored; ready in "
          + metrics.timeToReady().toMillis() + " ms"
          + metrics.firstRequest().map(first -> ", first request " + first.toMillis() + " ms").orElse(""));
    } finally {
      sut.close();
    }
  }

  private void fail(SideState state, String why) {
    String line = "trial " + state.attempts + " failed: " + why;
    state.failures.add(line);
    progress.accept(state.label() + ": " + line);
  }

  private AbResult.SideTrials sideTrials(SideState state, int plan) {
    if (state.runIds.get(plan).isEmpty()) {
      throw new AbException(state.label() + ": every trial failed; " + String.join("; ", state.failures));
    }
    ComparedSide side = new ComparedSide(state.label(), group(state.side, plan), state.runIds.get(plan),
        state.firstMetadata.get(plan));
    return new AbResult.SideTrials(side, state.results.get(plan), state.sutMetrics.get(plan), state.failures);
  }

  private String group(Side side, int plan) {
    return runId + "-" + side.label() + (planFiles.size() > 1 ? "-" + (plan + 1) : "");
  }

  private Map<String, String> planEnv(int port) {
    Map<String, String> env = new HashMap<>(request.env());
    env.put("BASE_URL", "http://127.0.0.1:" + port);
    return env;
  }

  private EngineOptions engineOptions(Map<String, String> env) {
    return new EngineOptions(HttpClientOptions.DEFAULTS, env, request.seed(), status -> {});
  }

  private static String read(Path plan) {
    try {
      return Files.readString(plan);
    } catch (IOException e) {
      throw new AbException("cannot read plan file " + plan + " (ab.plans): " + e.getMessage());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static Path createDirectory(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }
}
