package org.perfgate.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.perfgate.model.BuiltinMetric;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricResult;
import org.perfgate.model.MetricType;
import org.perfgate.model.MetricValues;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.Threshold;
import org.perfgate.model.ThresholdResult;

/**
 * All metric series of one run: recorders for the engine, per-second intervals, cumulative totals,
 * threshold evaluation and the final results.
 *
 * <p>Thread-safe. Recording through a recorder handle ({@link TrendRecorder#record} etc.) is
 * lock-free and allocation-free, from any number of threads; get-or-create ({@link #trend} etc.)
 * takes a lock, so the engine should cache the handles. Everything else runs under one lock and
 * sees only closed intervals: samples count once {@link #closeInterval} has closed their second.
 *
 * <p>Lifecycle: {@link #create} → record from the engine, {@code closeInterval(0)}, {@code
 * closeInterval(1)}, … from one ticker thread → at the end one last {@code closeInterval} for the
 * partial last second → {@link #results} and {@link #series} → {@link #close}. Samples recorded
 * after the last {@code closeInterval} are not in any result.
 *
 * <p>Memory does not grow with run length: closed per-second points go to a temporary file (see
 * {@link SeriesSpool}) and come back only when {@link #series} is called; what stays on the heap is
 * one recorder, one cumulative state and the last interval per series.
 */
public final class MetricRegistry implements AutoCloseable {
  private static final Comparator<Series> BY_KEY = Comparator.comparing(Series::key);

  private final Object lock = new Object();
  // Read without the lock on the get-or-create fast path; written under it.
  private final Map<MetricKey, Series> byKey = new ConcurrentHashMap<>();
  // Immutable, sorted lists, replaced under the lock: subMetrics() is a lookup, no copy.
  private final Map<String, List<MetricKey>> subMetricsByName = new ConcurrentHashMap<>();
  // Threshold keys of metrics whose type is known only once the engine first creates the metric.
  private final Map<String, List<MetricKey>> pendingByName = new HashMap<>();
  private Series[] sorted = new Series[0];
  private final SeriesSpool spool;
  private long lastClosedSecond = -1;

  private MetricRegistry(Path spoolDirectory) {
    this.spool = new SeriesSpool(spoolDirectory);
  }

  /**
   * Creates an empty registry.
   *
   * @param thresholds their (sub-)metric keys are pre-registered so they exist even with no
   *     samples: built-in metrics at once (their type is known), other metrics as soon as the engine
   *     creates any series of the same name (they take its type)
   */
  public static MetricRegistry create(List<Threshold> thresholds) {
    return create(thresholds, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Creates an empty registry that spools per-second points to a temporary file in {@code
   * spoolDirectory}; see {@link #create(List)}.
   */
  public static MetricRegistry create(List<Threshold> thresholds, Path spoolDirectory) {
    MetricRegistry registry = new MetricRegistry(Objects.requireNonNull(spoolDirectory, "spoolDirectory"));
    synchronized (registry.lock) {
      for (Threshold threshold : thresholds) {
        registry.declare(threshold.metric());
      }
    }
    return registry;
  }

  /**
   * The trend series for {@code key}, created if absent; the same key always gives the same
   * instance.
   *
   * @param time true for durations: samples in microseconds, stats and thresholds in milliseconds
   * @throws IllegalArgumentException if {@code key} exists with another type or time flag
   */
  public TrendRecorder trend(MetricKey key, boolean time) {
    Series series = getOrCreate(key, MetricType.TREND, time);
    if (!(series instanceof TrendSeries trend) || trend.isTime() != time) {
      throw conflict(key, series, time ? "time TREND" : "non-time TREND");
    }
    return trend;
  }

  /**
   * The counter series for {@code key}, created if absent.
   *
   * @throws IllegalArgumentException if {@code key} exists with another type
   */
  public CounterRecorder counter(MetricKey key) {
    if (getOrCreate(key, MetricType.COUNTER, false) instanceof CounterSeries counter) {
      return counter;
    }
    throw conflict(key, byKey.get(key), "COUNTER");
  }

  /**
   * The rate series for {@code key}, created if absent.
   *
   * @throws IllegalArgumentException if {@code key} exists with another type
   */
  public RateRecorder rate(MetricKey key) {
    if (getOrCreate(key, MetricType.RATE, false) instanceof RateSeries rate) {
      return rate;
    }
    throw conflict(key, byKey.get(key), "RATE");
  }

  /**
   * The gauge series for {@code key}, created if absent.
   *
   * @throws IllegalArgumentException if {@code key} exists with another type
   */
  public GaugeRecorder gauge(MetricKey key) {
    if (getOrCreate(key, MetricType.GAUGE, false) instanceof GaugeSeries gauge) {
      return gauge;
    }
    throw conflict(key, byKey.get(key), "GAUGE");
  }

  /**
   * Keys registered with tags (sub-metrics) for this metric name, e.g. from thresholds; the engine
   * matches sample tags against them. Sorted by key, immutable, empty if none; cheap (no copy).
   */
  public List<MetricKey> subMetrics(String metricName) {
    return subMetricsByName.getOrDefault(metricName, List.of());
  }

  /**
   * Ends the interval of second {@code second} (0-based since the run start): swaps the interval
   * recorders and spools a {@link SeriesPoint} for every series that exists, with zero counts for
   * series that got no samples. Called once per second by one ticker thread, and once at the end
   * for the partial last second (whose counter rate is still per one second).
   *
   * @throws IllegalArgumentException if {@code second} is not greater than the last closed second
   * @throws java.io.UncheckedIOException if the spool file cannot be written
   */
  public void closeInterval(long second) {
    synchronized (lock) {
      if (second <= lastClosedSecond) {
        throw new IllegalArgumentException("second " + second + " must be greater than the last"
            + " closed second " + lastClosedSecond + " (and >= 0)");
      }
      for (Series series : sorted) {
        spool.append(second, series.spoolIndex, series.close());
      }
      lastClosedSecond = second;
    }
  }

  /** Values of the last closed interval for {@code key}; empty if it has none. For live progress. */
  public Optional<MetricValues> lastInterval(MetricKey key) {
    synchronized (lock) {
      Series series = byKey.get(key);
      return series == null ? Optional.empty() : series.lastInterval();
    }
  }

  /**
   * Cumulative values over all closed intervals (for abortOnFail evaluation during the run); zero
   * values before the first close, empty for an unknown key.
   *
   * @param elapsed the run time so far, for counter rates
   */
  public Optional<MetricValues> total(MetricKey key, Duration elapsed) {
    requireElapsed(elapsed);
    synchronized (lock) {
      Series series = byKey.get(key);
      return series == null ? Optional.empty() : Optional.of(series.total(elapsed));
    }
  }

  /**
   * Evaluates thresholds on the totals over all closed intervals. A metric with no samples (or no
   * series) is observed as 0, as in k6. Time trends compare in milliseconds, p(N) comes from the
   * cumulative histogram.
   *
   * @param elapsed the run time so far, for counter rates
   * @throws InvalidInputException if a threshold's aggregation does not apply to its metric's type
   */
  public List<ThresholdResult> evaluate(List<Threshold> thresholds, Duration elapsed) {
    requireElapsed(elapsed);
    List<ThresholdResult> results = new ArrayList<>(thresholds.size());
    synchronized (lock) {
      for (Threshold threshold : thresholds) {
        Series series = byKey.get(threshold.metric());
        double observed = 0;
        if (series != null) {
          if (!threshold.aggregation().appliesTo(series.type())) {
            throw new InvalidInputException(threshold.location(), "threshold '"
                + threshold.expression() + "' uses " + threshold.aggregation() + ", which does not"
                + " apply to " + threshold.metric() + ", a " + series.type() + " metric");
          }
          observed = series.aggregate(threshold.aggregation(), elapsed);
        }
        boolean ok = threshold.operator().test(observed, threshold.value());
        results.add(new ThresholdResult(threshold, observed, ok));
      }
    }
    return List.copyOf(results);
  }

  /**
   * Every series' totals over all closed intervals, sorted by key. Call {@link #closeInterval} for
   * the final partial second first: later samples are not included.
   *
   * @param elapsed the run's duration, for counter rates
   */
  public List<MetricResult> results(Duration elapsed) {
    requireElapsed(elapsed);
    synchronized (lock) {
      List<MetricResult> results = new ArrayList<>(sorted.length);
      for (Series series : sorted) {
        results.add(new MetricResult(series.key(), series.type(), series.total(elapsed)));
      }
      return List.copyOf(results);
    }
  }

  /**
   * Every closed interval's point, ordered by second, then key: read back from the spool file, so
   * each call builds a new list (call it once, at the end of the run).
   *
   * @throws java.io.UncheckedIOException if the spool file cannot be read
   */
  public List<SeriesPoint> series() {
    synchronized (lock) {
      return List.copyOf(spool.readAll());
    }
  }

  /** How many points the closed intervals produced so far (without reading them back). */
  public long seriesPointCount() {
    synchronized (lock) {
      return spool.count();
    }
  }

  /** Deletes the spool file; {@link #series} is empty afterwards. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      spool.close();
    }
  }

  private Series getOrCreate(MetricKey key, MetricType type, boolean time) {
    Objects.requireNonNull(key, "key");
    Series existing = byKey.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (lock) {
      existing = byKey.get(key);
      if (existing != null) {
        return existing;
      }
      Series created = register(key, type, time);
      // Thresholds named this metric before its type was known: their series exist from now on.
      List<MetricKey> pending = pendingByName.remove(key.name());
      if (pending != null) {
        for (MetricKey pendingKey : pending) {
          if (!byKey.containsKey(pendingKey)) {
            register(pendingKey, type, time);
          }
        }
      }
      return created;
    }
  }

  /** Under the lock. */
  private void declare(MetricKey key) {
    if (byKey.containsKey(key)) {
      return;
    }
    Optional<BuiltinMetric> builtin = BuiltinMetric.byName(key.name());
    if (builtin.isPresent()) {
      register(key, builtin.get().type(), builtin.get().isTime());
      return;
    }
    List<MetricKey> pending = pendingByName.computeIfAbsent(key.name(), name -> new ArrayList<>());
    if (!pending.contains(key)) {
      pending.add(key);
    }
    addSubMetric(key);
  }

  /** Under the lock. */
  private Series register(MetricKey key, MetricType type, boolean time) {
    Series series = switch (type) {
      case TREND -> new TrendSeries(key, time);
      case COUNTER -> new CounterSeries(key);
      case RATE -> new RateSeries(key);
      case GAUGE -> new GaugeSeries(key);
    };
    series.spoolIndex = spool.register(key);
    byKey.put(key, series);
    Series[] grown = Arrays.copyOf(sorted, sorted.length + 1);
    grown[sorted.length] = series;
    Arrays.sort(grown, BY_KEY);
    sorted = grown;
    addSubMetric(key);
    return series;
  }

  /** Under the lock. */
  private void addSubMetric(MetricKey key) {
    if (!key.isSubMetric()) {
      return;
    }
    List<MetricKey> known = subMetricsByName.getOrDefault(key.name(), List.of());
    if (known.contains(key)) {
      return;
    }
    List<MetricKey> grown = new ArrayList<>(known);
    grown.add(key);
    grown.sort(null);
    subMetricsByName.put(key.name(), List.copyOf(grown));
  }

  private static IllegalArgumentException conflict(MetricKey key, Series existing, String wanted) {
    String actual = existing instanceof TrendSeries trend
        ? (trend.isTime() ? "time TREND" : "non-time TREND")
        : existing.type().toString();
    return new IllegalArgumentException(
        "metric " + key + " is a " + actual + " metric, not a " + wanted + " metric");
  }

  private static void requireElapsed(Duration elapsed) {
    Objects.requireNonNull(elapsed, "elapsed");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative, was " + elapsed);
    }
  }
}
