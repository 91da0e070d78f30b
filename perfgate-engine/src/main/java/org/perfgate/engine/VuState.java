package org.perfgate.engine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.model.Step;
import org.perfgate.model.Template;

/**
 * What a VU is apart from how it waits: its number, variables, random think times, its exchange,
 * and the per-request work on both sides of the wire (building the request, recording and
 * inspecting the response, counting iterations). Shared by {@link Vu} (a virtual thread that
 * blocks) and {@link LoopVu} (a state machine on an event loop). Not thread-safe.
 */
final class VuState {
  private static final long NANOS_PER_MICRO = 1_000;
  private static final byte[] NO_BODY = new byte[0];

  private final int id;
  private final CompiledScenario scenario;
  private final HttpExchange exchange = new HttpExchange();
  private final Map<String, String> variables = new HashMap<>();
  private final SplittableRandom random;
  private final Function<String, String> lookup = this::lookup;
  private final Function<String, String> jsonLookup = name -> jsonEscape(lookup(name));
  private long iteration;

  VuState(int id, CompiledScenario scenario, long seed) {
    this.id = id;
    this.scenario = scenario;
    this.random = new SplittableRandom(seed);
  }

  int id() {
    return id;
  }

  CompiledScenario scenario() {
    return scenario;
  }

  HttpExchange exchange() {
    return exchange;
  }

  /**
   * Fills the exchange with {@code request}, its templates rendered with this VU's variables.
   *
   * @throws IterationAbort when a variable has no value or the URL is invalid
   */
  void prepare(CompiledRequest request) {
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
  }

  /**
   * Records the exchange's response and runs the request's checks and extractions.
   *
   * @param intendedStartNanos for the first request of an open-model iteration, when the
   *     iteration should have started: time lost before sending (beyond connecting) counts against
   *     the target, as wrk2 does, so a late start shows up as latency (no coordinated omission); 0
   *     otherwise
   */
  void complete(CompiledRequest request, long intendedStartNanos) {
    record(request, intendedStartNanos);
    inspect(request);
  }

  private void record(CompiledRequest request, long intendedStartNanos) {
    CompiledRequest.StatusSinks sinks = request.sinksFor(exchange.status());
    long duration = exchange.sendingNanos() + exchange.waitingNanos() + exchange.receivingNanos();
    if (intendedStartNanos != 0) {
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
    FailureReason failure = exchange.failure();
    if (failure == FailureReason.OTHER_IO_ERROR || failure == FailureReason.PROTOCOL_ERROR) {
      scenario.failures().counter(failure.label(), exchange.failureDetail()).increment();
    } else if (failure != FailureReason.NONE) {
      request.networkFailures[failure.ordinal()].increment();
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

  /** How long this think time lasts: uniform in [min, max]. */
  long sleepNanos(Step.Sleep sleep) {
    long min = sleep.min().toNanos();
    long max = sleep.max().toNanos();
    return max > min ? random.nextLong(min, max + 1) : min;
  }

  /** Counts a finished iteration and its duration from {@code intendedStartNanos}. */
  void iterationCompleted(long intendedStartNanos) {
    long end = System.nanoTime();
    SampleSinks.add(scenario.iterations(), 1);
    SampleSinks.record(scenario.iterationDuration(), (end - intendedStartNanos) / NANOS_PER_MICRO);
    iteration++;
  }

  /** Counts an iteration cut short by {@code abort} (a failed extraction, an invalid URL). */
  void iterationAborted(IterationAbort abort) {
    scenario.failures().counter(abort.getMessage()).increment();
    iteration++;
  }

  /** Drops the last response body from the exchange (the connection may reuse its memory). */
  void dropResponseBody() {
    exchange.responseBody(NO_BODY, 0);
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
}
