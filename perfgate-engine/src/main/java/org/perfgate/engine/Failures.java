package org.perfgate.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests and aborted iterations counted by reason, e.g. {@code connection refused}. */
final class Failures {
  private final ConcurrentHashMap<String, LongAdder> byReason = new ConcurrentHashMap<>();

  /** The counter of one reason; callers cache it so counting does not allocate. */
  LongAdder counter(String reason) {
    return byReason.computeIfAbsent(reason, r -> new LongAdder());
  }

  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    byReason.forEach((reason, count) -> {
      long value = count.sum();
      if (value > 0) {
        copy.put(reason, value);
      }
    });
    return copy;
  }
}
