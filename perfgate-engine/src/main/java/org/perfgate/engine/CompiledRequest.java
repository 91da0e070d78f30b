package org.perfgate.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.metrics.CounterRecorder;
import org.perfgate.metrics.RateRecorder;
import org.perfgate.metrics.TrendRecorder;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.Check;
import org.perfgate.model.Extraction;
import org.perfgate.model.Scenario;
import org.perfgate.model.Step;
import org.perfgate.model.Template;

/**
 * A request step prepared for the hot path: constant URLs parsed once, checks compiled, and the
 * series of its samples resolved per response status on first use.
 */
final class CompiledRequest {
  /** Every series one response with a given status records to. */
  static final class StatusSinks {
    final TrendRecorder[] duration;
    final TrendRecorder[] blocked;
    final TrendRecorder[] connecting;
    final TrendRecorder[] sending;
    final TrendRecorder[] waiting;
    final TrendRecorder[] receiving;
    final CounterRecorder[] requests;
    final RateRecorder[] failed;
    final CounterRecorder[] dataSent;
    final CounterRecorder[] dataReceived;
    final boolean expected;
    final LongAdder unexpectedStatus; // null when the status is expected or 0

    StatusSinks(SampleSinks sinks, Map<String, String> tags, boolean expected, LongAdder unexpectedStatus) {
      duration = sinks.trends(BuiltinMetric.HTTP_REQ_DURATION, tags, true);
      blocked = sinks.trends(BuiltinMetric.HTTP_REQ_BLOCKED, tags, false);
      connecting = sinks.trends(BuiltinMetric.HTTP_REQ_CONNECTING, tags, false);
      sending = sinks.trends(BuiltinMetric.HTTP_REQ_SENDING, tags, false);
      waiting = sinks.trends(BuiltinMetric.HTTP_REQ_WAITING, tags, false);
      receiving = sinks.trends(BuiltinMetric.HTTP_REQ_RECEIVING, tags, false);
      requests = sinks.counters(BuiltinMetric.HTTP_REQS, tags);
      failed = sinks.rates(BuiltinMetric.HTTP_REQ_FAILED, tags);
      dataSent = sinks.counters(BuiltinMetric.DATA_SENT, tags);
      dataReceived = sinks.counters(BuiltinMetric.DATA_RECEIVED, tags);
      this.expected = expected;
      this.unexpectedStatus = unexpectedStatus;
    }
  }

  /** A check with the series and counters its outcome goes to. */
  record CheckSinks(ResponseInspector.CompiledCheck check, RateRecorder[] rates, LongAdder passes, LongAdder fails) {}

  private static final int STATUS_SLOTS = 600;

  final Step.Request step;
  final URI constantUri; // null when the URL or query has variables
  final List<ResponseInspector.CompiledExtraction> extractions;
  final List<CheckSinks> checks;
  final LongAdder[] networkFailures; // by FailureReason ordinal
  private final Map<String, String> tags;
  private final SampleSinks sinks;
  private final Failures failures;
  // Benign race: two VUs may both build the sinks of a status; both resolve to the same recorders.
  private final StatusSinks[] byStatus = new StatusSinks[STATUS_SLOTS];

  CompiledRequest(Step.Request step, Scenario scenario, SampleSinks sinks, Failures failures,
      Map<String, CheckCounts> checkCounts) {
    this.step = step;
    this.sinks = sinks;
    this.failures = failures;
    Map<String, String> staticTags = new HashMap<>(scenario.tags());
    staticTags.putAll(step.tags());
    staticTags.put("scenario", scenario.name());
    staticTags.put("name", step.name());
    staticTags.put("method", step.method());
    this.tags = Map.copyOf(staticTags);
    this.constantUri = constantUri(step);
    String where = "scenario " + scenario.name() + ", request " + step.name();
    List<ResponseInspector.CompiledExtraction> compiledExtractions = new ArrayList<>();
    for (Extraction extraction : step.extracts()) {
      compiledExtractions.add(ResponseInspector.compile(extraction, where));
    }
    this.extractions = List.copyOf(compiledExtractions);
    List<CheckSinks> compiledChecks = new ArrayList<>();
    for (Check check : step.checks()) {
      Map<String, String> checkTags = SampleSinks.with(tags, "check", check.name());
      CheckCounts counts = checkCounts.computeIfAbsent(scenario.name() + "\u0000" + check.name(),
          k -> new CheckCounts(scenario.name(), check.name()));
      compiledChecks.add(new CheckSinks(ResponseInspector.compile(check, where),
          sinks.rates(BuiltinMetric.CHECKS, checkTags), counts.passes(), counts.fails()));
    }
    this.checks = List.copyOf(compiledChecks);
    this.networkFailures = new LongAdder[FailureReason.values().length];
    for (FailureReason reason : FailureReason.values()) {
      networkFailures[reason.ordinal()] = failures.counter(reason.label());
    }
  }

  /** Pass and fail counts of one named check in one scenario. */
  record CheckCounts(String scenario, String name, LongAdder passes, LongAdder fails) {
    CheckCounts(String scenario, String name) {
      this(scenario, name, new LongAdder(), new LongAdder());
    }
  }

  StatusSinks sinksFor(int status) {
    int slot = status >= 0 && status < STATUS_SLOTS ? status : STATUS_SLOTS - 1;
    StatusSinks cached = byStatus[slot];
    if (cached != null && slot != STATUS_SLOTS - 1) {
      return cached;
    }
    boolean expected = status != 0 && step.expectedStatuses().contains(status);
    Map<String, String> sampleTags = SampleSinks.with(tags, "status", Integer.toString(status));
    sampleTags.put("expected_response", Boolean.toString(expected));
    LongAdder unexpected = expected || status == 0 ? null : failures.counter("status " + status);
    StatusSinks built = new StatusSinks(sinks, sampleTags, expected, unexpected);
    byStatus[slot] = built;
    return built;
  }

  private static URI constantUri(Step.Request step) {
    if (!step.url().isConstant()) {
      return null;
    }
    for (Template value : step.query().values()) {
      if (!value.isConstant()) {
        return null;
      }
    }
    return UrlBuilder.build(step.url().render(name -> ""), step.query(), name -> "");
  }
}
