package org.perfgate.ab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.plan.AbConfig;

/**
 * One started system under test: its process (through {@code sh -c}, so the start command may use
 * shell syntax), log files, port, readiness and resource samples. Stopping sends SIGTERM to the
 * whole tree ({@link ProcessHandle#destroy()}), then SIGKILL after a grace period.
 */
final class Sut implements AutoCloseable {
  static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final long PROBE_INTERVAL_MILLIS = 50;
  private static final long SAMPLE_INTERVAL_MILLIS = 100;
  private static final HttpClientOptions PROBE = new HttpClientOptions(Duration.ofSeconds(1), Duration.ofSeconds(2), 4096);

  private final Process process;
  private final int port;
  private final Path stdout;
  private final Path stderr;
  private final long startNanos;
  // appended by the sampler thread, read by the trial's thread: every access under its lock
  private final List<SutSample> samples = new ArrayList<>();
  private Thread sampler;
  private Duration timeToReady = Duration.ZERO;
  private OptionalLong rssAtReady = OptionalLong.empty();
  private Optional<Duration> firstRequest = Optional.empty();
  private Optional<String> firstRequestProblem = Optional.empty();

  private Sut(Process process, int port, Path stdout, Path stderr, long startNanos) {
    this.process = process;
    this.port = port;
    this.stdout = stdout;
    this.stderr = stderr;
    this.startNanos = startNanos;
  }

  /**
   * Starts the command and waits until it is ready.
   *
   * @param logPrefix log files are {@code logPrefix.out} and {@code logPrefix.err}
   * @param cpus when present, a {@code taskset -c} core list the whole tree is pinned to
   * @throws AbException when it exits or is not ready within the probe's timeout (the SUT is stopped)
   */
  static Sut start(AbConfig config, Path artifact, Path worktree, Path logPrefix, Map<String, String> env,
      HttpProtocol protocol, Optional<String> cpus) {
    int port = freePort();
    Map<String, String> placeholders = Map.of("PORT", Integer.toString(port), "ARTIFACT", artifact.toString(),
        "BASE_URL", "http://127.0.0.1:" + port);
    List<String> command = new ArrayList<>();
    // The affinity is inherited by every process the shell starts, so the whole tree stays on its cores.
    cpus.ifPresent(list -> command.addAll(List.of("taskset", "-c", list)));
    command.addAll(List.of("sh", "-c", fill(config.start(), placeholders)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(worktree.toFile());
    builder.environment().putAll(env);
    config.env().forEach((name, value) -> builder.environment().put(name, fill(value, placeholders)));
    builder.environment().putAll(placeholders);
    Path stdout = Path.of(logPrefix + ".out");
    Path stderr = Path.of(logPrefix + ".err");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Sut sut;
    try {
      long start = System.nanoTime();
      sut = new Sut(builder.start(), port, stdout, stderr, start);
    } catch (IOException e) {
      throw new AbException("cannot start '" + config.start() + "' in " + worktree + ": " + e.getMessage());
    }
    try {
      sut.awaitReady(config.ready(), placeholders, protocol);
      return sut;
    } catch (RuntimeException e) {
      sut.close();
      throw e;
    }
  }

  /** {@code ${NAME}} of each placeholder replaced by its value. */
  static String fill(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace("${" + value.getKey() + "}", value.getValue());
    }
    return result;
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Why it is not running, with the logs' last lines. */
  String exitDescription() {
    String code = process.isAlive() ? "is running" : "exited with code " + process.exitValue();
    return "the system under test " + code + "; last log lines:" + LogTail.of(stdout, stderr);
  }

  private void awaitReady(AbConfig.Readiness readiness, Map<String, String> placeholders, HttpProtocol protocol) {
    long deadline = startNanos + readiness.timeout().toNanos();
    try (HttpConnection connection = protocol.open(PROBE)) {
      HttpExchange exchange = new HttpExchange();
      while (true) {
        boolean ready = switch (readiness) {
          case AbConfig.Readiness.Http http -> {
            exchange.reset("GET", URI.create(fill(http.url(), placeholders)));
            connection.execute(exchange);
            yield exchange.failure() == FailureReason.NONE && exchange.status() >= 200 && exchange.status() < 300;
          }
          case AbConfig.Readiness.LogLine line ->
              LogTail.lines(stdout).stream().anyMatch(text -> text.contains(line.text()))
                  || LogTail.lines(stderr).stream().anyMatch(text -> text.contains(line.text()));
        };
        if (ready) {
          timeToReady = Duration.ofNanos(System.nanoTime() - startNanos);
          sampleNow().ifPresent(sample -> rssAtReady = OptionalLong.of(sample.rssBytes()));
          startSampler();
          return;
        }
        if (!process.isAlive()) {
          throw new AbException("the system under test exited with code " + process.exitValue()
              + " before it was ready (" + describe(readiness) + "); last log lines:" + LogTail.of(stdout, stderr));
        }
        if (System.nanoTime() - deadline > 0) {
          throw new AbException("the system under test was not ready within " + readiness.timeout().toSeconds()
              + "s (" + describe(readiness) + "); last log lines:" + LogTail.of(stdout, stderr));
        }
        if (!sleep(PROBE_INTERVAL_MILLIS)) {
          throw new AbException("interrupted while waiting for the system under test");
        }
      }
    } catch (IllegalArgumentException badUrl) {
      throw new AbException("ab.ready.http: not a URL: " + badUrl.getMessage());
    }
  }

  private static String describe(AbConfig.Readiness readiness) {
    return switch (readiness) {
      case AbConfig.Readiness.Http http -> "waiting for a 2xx from " + http.url();
      case AbConfig.Readiness.LogLine line -> "waiting for a log line containing '" + line.text() + "'";
    };
  }

  private void startSampler() {
    if (!ProcessTree.supported()) {
      return;
    }
    sampler = Thread.ofPlatform().daemon().name("perfgate-sut-sampler").start(() -> {
      while (sleep(SAMPLE_INTERVAL_MILLIS)) {
        sampleNow();
      }
    });
  }

  /** Reads the tree's CPU and memory now and keeps the reading; empty without {@code /proc}. */
  Optional<SutSample> sampleNow() {
    long now = System.nanoTime();
    Optional<SutSample> sample = ProcessTree.sample(process.toHandle())
        .map(reading -> new SutSample(now, reading.rssBytes(), reading.cpuNanos()));
    sample.ifPresent(reading -> {
      synchronized (samples) {
        samples.add(reading);
      }
    });
    return sample;
  }

  /** Every reading so far, oldest first (10 a second while it runs). */
  List<SutSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /**
   * Sends the first request a just-ready system gets from perfgate (besides the readiness probe) on
   * a new connection and keeps its duration, connecting included: a cold system's lazy
   * initialisation, empty caches and unoptimised code show here and nowhere else. A failed request
   * or an error status is measured all the same (it is what the first user would see) and reported.
   */
  void measureFirstRequest(URI uri, HttpProtocol protocol) {
    try (HttpConnection connection = protocol.open(PROBE)) {
      HttpExchange exchange = new HttpExchange();
      exchange.reset("GET", uri);
      long start = System.nanoTime();
      connection.execute(exchange);
      firstRequest = Optional.of(Duration.ofNanos(System.nanoTime() - start));
      if (exchange.failure() != FailureReason.NONE || exchange.status() >= 400) {
        firstRequestProblem = Optional.of("first request GET " + uri + " answered "
            + (exchange.failure() != FailureReason.NONE ? exchange.failure().label() : "status " + exchange.status()));
      }
    }
  }

  /** Why the first request did not succeed, if it did not. */
  Optional<String> firstRequestProblem() {
    return firstRequestProblem;
  }

  /** Stops the tree and returns what it used; the CPU figure is the last reading before the stop. */
  SutMetrics stop() {
    Optional<Duration> cpu = Optional.empty();
    OptionalLong peak = OptionalLong.empty();
    if (rssAtReady.isPresent()) {
      sampleNow();
      List<SutSample> all = samples();
      cpu = Optional.of(Duration.ofNanos(all.stream().mapToLong(SutSample::cpuNanos).max().orElse(0)));
      peak = OptionalLong.of(all.stream().mapToLong(SutSample::rssBytes).max().orElse(0));
    }
    close();
    return new SutMetrics(timeToReady, firstRequest, rssAtReady, peak, cpu);
  }

  /** SIGTERM to the tree, SIGKILL to what is left after {@link #STOP_GRACE}. Idempotent. */
  @Override
  public void close() {
    if (sampler != null) {
      sampler.interrupt();
    }
    // The shell may have forked the real server: signal every descendant, not only the shell.
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stillRunning) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      }
    }
  }

  /** A loopback port free at this moment; the SUT binds it right after (a race, unlikely to lose). */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }

  /** False when interrupted. */
  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
