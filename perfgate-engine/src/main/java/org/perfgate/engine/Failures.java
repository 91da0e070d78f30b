package org.perfgate.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** Failed requests and aborted iterations counted by reason, e.g. {@code connection refused}. */
final class Failures {
  /** Distinct details kept per reason; more are counted as "REASON: other details". */
  static final int MAX_DETAILS = 10;
  private static final Pattern URL = Pattern.compile("\\S+://\\S*");

  private final ConcurrentHashMap<String, LongAdder> byReason = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> detailsPerReason = new ConcurrentHashMap<>();

  /** The counter of one reason; callers cache it so counting does not allocate. */
  LongAdder counter(String reason) {
    return byReason.computeIfAbsent(reason, r -> new LongAdder());
  }

  /**
   * The counter of {@code reason} with its detail, for reasons too vague alone ({@code i/o error}:
   * "Too many open files" and "Broken pipe" need different fixes). URLs in the detail are replaced
   * (they may carry credentials or tokens), and a reason keeps at most {@link #MAX_DETAILS} details.
   * Allocates: for failed requests only.
   */
  LongAdder counter(String reason, String detail) {
    String key = reason + ": " + URL.matcher(detail).replaceAll("<url>");
    LongAdder known = byReason.get(key);
    if (known != null) {
      return known;
    }
    AtomicInteger details = detailsPerReason.computeIfAbsent(reason, r -> new AtomicInteger());
    if (details.getAndIncrement() >= MAX_DETAILS) {
      return counter(reason + ": other details");
    }
    return counter(key);
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
