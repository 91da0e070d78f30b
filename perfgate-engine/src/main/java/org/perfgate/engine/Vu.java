package org.perfgate.engine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.Step;
import org.perfgate.model.Template;

/**
 * A virtual user: its connection, its variables and its iteration counter. Runs one iteration at a
 * time on whichever (virtual) thread calls {@link #iterate}. Not thread-safe.
 */
final class Vu implements AutoCloseable {
  private static final long NANOS_PER_MICRO = 1_000;
  /**
   * Think times from this long give the connection's buffers back ({@link HttpConnection#idle}):
   * 100,000 thinking VUs then hold no I/O buffers, while a VU sleeping a few milliseconds between
   * requests does not borrow and allocate them again for every request.
   */
  static final long IDLE_AFTER_NANOS = 100_000_000L;
  private static final byte[] NO_BODY = new byte[0];

  private final int id;
  private final CompiledScenario scenario;
  private final HttpConnection connection;
  private final HttpExchange exchange = new HttpExchange();
  private final Map<String, String> variables = new HashMap<>();
  private final SplittableRandom random;
  private final ConnectionReuse connectionReuse;
  private final Function<String, String> lookup = this::lookup;
  private final Function<String, String> jsonLookup = name -> jsonEscape(lookup(name));
  private long iteration;

  Vu(int id, CompiledScenario scenario, HttpConnection connection, long seed, ConnectionReuse connectionReuse) {
    this.id = id;
    this.scenario = scenario;
    this.connection = connection;
    this.random = new SplittableRandom(seed);
    this.connectionReuse = connectionReuse;
  }

  /**
   * Runs the flow once.
   *
   * @param intendedStartNanos when the iteration should have started ({@code nanoTime} base); for
   *     open-model executors the first request's duration and the iteration's duration are measured
   *     from it, so a late start shows up as latency instead of vanishing (coordinated omission)
   * @return false when the thread was interrupted (hard stop): the caller must stop the VU
   */
  boolean iterate(long intendedStartNanos) {
    try {
      return runFlow(intendedStartNanos);
    } finally {
      if (connectionReuse != ConnectionReuse.ALWAYS) {
        connection.close(); // noVUConnectionReuse: the next iteration connects anew
      }
    }
  }

  private boolean runFlow(long intendedStartNanos) {
    boolean first = true;
    try {
      for (Object step : scenario.steps()) {
        if (step instanceof CompiledRequest request) {
          if (!send(request, first ? intendedStartNanos : 0)) {
            return false;
          }
          first = false;
        } else {
          sleep((Step.Sleep) step);
        }
      }
    } catch (IterationAbort abort) {
      scenario.failures().counter(abort.getMessage()).increment();
      iteration++;
      return !Thread.currentThread().isInterrupted();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
    long end = System.nanoTime();
    SampleSinks.add(scenario.iterations(), 1);
    SampleSinks.record(scenario.iterationDuration(), (end - intendedStartNanos) / NANOS_PER_MICRO);
    iteration++;
    return true;
  }

  private boolean send(CompiledRequest request, long intendedStartNanos) {
    Step.Request step = request.step;
    URI uri = request.constantUri;
    if (uri == null) {
      try {
        uri = UrlBuilder.build(step.url().render(lookup), step.query(), lookup);
      } catch (IllegalArgumentException badUrl) {
        throw new IterationAbort("invalid URL in request " + step.name());
      }
    }
    exchange.reset(step.method(), uri);
    boolean contentTypeSet = false;
    for (Map.Entry<String, Template> header : step.headers().entrySet()) {
      exchange.addRequestHeader(header.getKey(), header.getValue().render(lookup));
      contentTypeSet |= header.getKey().equalsIgnoreCase("content-type");
    }
    if (step.body().isPresent()) {
      Step.Body body = step.body().get();
      String text = body.content().render(body.json() ? jsonLookup : lookup);
      exchange.requestBody(text.getBytes(StandardCharsets.UTF_8));
      if (!contentTypeSet) {
        exchange.addRequestHeader("Content-Type", body.contentType());
      }
    }

    connection.execute(exchange);
    if (connectionReuse == ConnectionReuse.NEVER) {
      connection.close(); // noConnectionReuse; the exchange keeps its response for the checks below
    }
    if (Thread.currentThread().isInterrupted()) {
      return false; // hard stop cut this request short: its sample would be a lie
    }
    record(request, intendedStartNanos);
    inspect(request);
    return true;
  }

  private void record(CompiledRequest request, long intendedStartNanos) {
    CompiledRequest.StatusSinks sinks = request.sinksFor(exchange.status());
    long duration = exchange.sendingNanos() + exchange.waitingNanos() + exchange.receivingNanos();
    if (intendedStartNanos != 0) {
      // time lost before sending (beyond connecting) counts against the target, as wrk2 does
      long lag = exchange.startNanos() - exchange.connectingNanos() - exchange.blockedNanos() - intendedStartNanos;
      if (lag > 0) {
        duration += lag;
      }
    }
    SampleSinks.record(sinks.duration, duration / NANOS_PER_MICRO);
    SampleSinks.record(sinks.blocked, exchange.blockedNanos() / NANOS_PER_MICRO);
    SampleSinks.record(sinks.connecting, exchange.connectingNanos() / NANOS_PER_MICRO);
    SampleSinks.record(sinks.sending, exchange.sendingNanos() / NANOS_PER_MICRO);
    SampleSinks.record(sinks.waiting, exchange.waitingNanos() / NANOS_PER_MICRO);
    SampleSinks.record(sinks.receiving, exchange.receivingNanos() / NANOS_PER_MICRO);
    SampleSinks.add(sinks.requests, 1);
    SampleSinks.add(sinks.failed, !sinks.expected);
    SampleSinks.add(sinks.dataSent, exchange.bytesSent());
    SampleSinks.add(sinks.dataReceived, exchange.bytesReceived());
    if (exchange.failure() != FailureReason.NONE) {
      request.networkFailures[exchange.failure().ordinal()].increment();
    } else if (sinks.unexpectedStatus != null) {
      sinks.unexpectedStatus.increment();
    }
  }

  private void inspect(CompiledRequest request) {
    List<CompiledRequest.CheckSinks> checks = request.checks;
    List<ResponseInspector.CompiledExtraction> extractions = request.extractions;
    if (checks.isEmpty() && extractions.isEmpty()) {
      return;
    }
    ResponseInspector.Body body = new ResponseInspector.Body(exchange);
    for (int i = 0; i < checks.size(); i++) {
      CompiledRequest.CheckSinks check = checks.get(i);
      boolean ok = exchange.failure() == FailureReason.NONE
          && ResponseInspector.passes(check.check(), exchange, body);
      SampleSinks.add(check.rates(), ok);
      (ok ? check.passes() : check.fails()).increment();
    }
    for (int i = 0; i < extractions.size(); i++) {
      ResponseInspector.CompiledExtraction extraction = extractions.get(i);
      String value = exchange.failure() == FailureReason.NONE
          ? ResponseInspector.extract(extraction, exchange, body) : null;
      if (value == null) {
        variables.remove(extraction.extraction().variable());
      } else {
        variables.put(extraction.extraction().variable(), value);
      }
    }
  }

  private void sleep(Step.Sleep sleep) throws InterruptedException {
    long min = sleep.min().toNanos();
    long max = sleep.max().toNanos();
    long nanos = max > min ? random.nextLong(min, max + 1) : min;
    if (nanos >= IDLE_AFTER_NANOS) {
      idle();
    }
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  private String lookup(String name) {
    String value = variables.get(name);
    if (value != null) {
      return value;
    }
    if (name.equals("__VU")) {
      return Integer.toString(id);
    }
    if (name.equals("__ITER")) {
      return Long.toString(iteration);
    }
    if (name.startsWith("__ENV.")) {
      String env = scenario.env(name.substring("__ENV.".length()));
      return env == null ? "" : env;
    }
    throw new IterationAbort("iteration aborted: {{" + name + "}} has no value (its extraction failed)");
  }

  private static String jsonEscape(String value) {
    StringBuilder text = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.toString();
  }

  /**
   * Lets the connection give back its pooled buffers while this VU thinks or waits in the
   * arrival-rate pool for its next iteration; the last response body is dropped from the exchange.
   */
  void idle() {
    exchange.responseBody(NO_BODY, 0);
    connection.idle();
  }

  int id() {
    return id;
  }

  @Override
  public void close() {
    connection.close();
  }
}
