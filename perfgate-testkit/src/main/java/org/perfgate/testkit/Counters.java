package org.perfgate.testkit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters of a {@link TargetServer}: total, per path, over HTTP/2. Thread-safe. */
final class Counters {
  private final LongAdder total = new LongAdder();
  private final LongAdder http2 = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byPath = new ConcurrentHashMap<>();

  void record(String path, boolean overHttp2) {
    total.increment();
    if (overHttp2) {
      http2.increment();
    }
    byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
  }

  long total() {
    return total.sum();
  }

  long http2() {
    return http2.sum();
  }

  long forPath(String path) {
    LongAdder count = byPath.get(path);
    return count == null ? 0 : count.sum();
  }

  void reset() {
    total.reset();
    http2.reset();
    byPath.clear();
  }
}
