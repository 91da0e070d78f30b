package org.perfgate.metrics;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.perfgate.model.HistogramSnapshot;
import org.perfgate.model.MetricKey;
import org.perfgate.model.MetricValues;
import org.perfgate.model.SeriesPoint;
import org.perfgate.model.TrendStats;

/**
 * The per-second points of a run, kept in a temporary file instead of the heap, so memory does not
 * grow with run length (k6 keeps every sample; a 20-name plan closes about 200 points a second, a
 * few hundred bytes each with their histograms). Points are appended as they close and read back,
 * exactly, when the result is built.
 *
 * <p>Record format (DataOutput, big-endian): {@code long second, int keyIndex, byte type}, then for
 * a trend the nine {@link TrendStats} fields, the unit (UTF) and the snapshot's Base64 text
 * (ISO-8859-1 bytes, length-prefixed); a counter two doubles; a rate two longs; a gauge three
 * doubles. Keys are written once, as indexes into {@link #keys}: a key is never removed.
 *
 * <p>Not thread-safe: the registry calls it under its lock.
 */
final class SeriesSpool implements AutoCloseable {
  private static final byte TREND = 1;
  private static final byte COUNTER = 2;
  private static final byte RATE = 3;
  private static final byte GAUGE = 4;

  private final Path directory;
  private final List<MetricKey> keys = new ArrayList<>();
  private Path file;
  private DataOutputStream out;
  private long count;

  /** A spool whose file is created in {@code directory} at the first {@link #append}. */
  SeriesSpool(Path directory) {
    this.directory = directory;
  }

  /**
   * The index of a key for {@link #append}; the registry asks once per series and keeps the index.
   */
  int register(MetricKey key) {
    keys.add(key);
    return keys.size() - 1;
  }

  /** Appends one point of the series registered as {@code keyIndex}. */
  void append(long second, int keyIndex, MetricValues values) {
    try {
      if (out == null) {
        file = Files.createTempFile(directory, "perfgate-series-", ".bin");
        file.toFile().deleteOnExit(); // if the run dies before close()
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
      }
      out.writeLong(second);
      out.writeInt(keyIndex);
      switch (values) {
        case MetricValues.Trend trend -> {
          out.writeByte(TREND);
          TrendStats stats = trend.stats();
          out.writeLong(stats.count());
          out.writeDouble(stats.min());
          out.writeDouble(stats.max());
          out.writeDouble(stats.avg());
          out.writeDouble(stats.med());
          out.writeDouble(stats.p90());
          out.writeDouble(stats.p95());
          out.writeDouble(stats.p99());
          out.writeDouble(stats.p999());
          out.writeUTF(trend.histogram().unit());
          byte[] base64 = trend.histogram().compressedBase64().getBytes(StandardCharsets.ISO_8859_1);
          out.writeInt(base64.length);
          out.write(base64);
        }
        case MetricValues.Counter counter -> {
          out.writeByte(COUNTER);
          out.writeDouble(counter.count());
          out.writeDouble(counter.ratePerSecond());
        }
        case MetricValues.Rate rate -> {
          out.writeByte(RATE);
          out.writeLong(rate.passes());
          out.writeLong(rate.fails());
        }
        case MetricValues.Gauge gauge -> {
          out.writeByte(GAUGE);
          out.writeDouble(gauge.value());
          out.writeDouble(gauge.min());
          out.writeDouble(gauge.max());
        }
      }
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the per-second series to a temporary file in "
          + directory + " (set java.io.tmpdir to a writable directory with space): " + e.getMessage(), e);
    }
  }

  /** How many points were appended. */
  long count() {
    return count;
  }

  /** Every point appended so far, in append order, read back from the file. */
  List<SeriesPoint> readAll() {
    if (out == null) {
      return List.of();
    }
    List<SeriesPoint> points = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, count));
    try {
      out.flush();
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
        for (long i = 0; i < count; i++) {
          points.add(read(in));
        }
      }
    } catch (EOFException e) {
      throw new IllegalStateException("the per-second series file " + file + " ended early: was it truncated?", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the per-second series from " + file + ": " + e.getMessage(), e);
    }
    return points;
  }

  private SeriesPoint read(DataInputStream in) throws IOException {
    long second = in.readLong();
    MetricKey key = keys.get(in.readInt());
    byte type = in.readByte();
    MetricValues values = switch (type) {
      case TREND -> {
        TrendStats stats = new TrendStats(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(),
            in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        String unit = in.readUTF();
        byte[] base64 = new byte[in.readInt()];
        in.readFully(base64);
        yield new MetricValues.Trend(stats, new HistogramSnapshot(unit, new String(base64, StandardCharsets.ISO_8859_1)));
      }
      case COUNTER -> new MetricValues.Counter(in.readDouble(), in.readDouble());
      case RATE -> new MetricValues.Rate(in.readLong(), in.readLong());
      case GAUGE -> new MetricValues.Gauge(in.readDouble(), in.readDouble(), in.readDouble());
      default -> throw new IllegalStateException("the per-second series file " + file + " is corrupt: type " + type);
    };
    return new SeriesPoint(second, key, values);
  }

  /** Deletes the file; the spool is empty afterwards. */
  @Override
  public void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the per-second series file " + file + ": " + e.getMessage(), e);
    } finally {
      out = null;
      count = 0;
    }
  }
}
