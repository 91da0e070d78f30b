package org.perfgate.metrics;

/**
 * A platform thread whose trend samples go to single-writer HdrHistogram recorders of its own
 * (one per series and slot), merged by the per-second swap. The engine's event loops are such
 * threads: with a multi-writer recorder per series, two loops on two cores would contend for the
 * recorder's shared counter on every sample. Any other thread (virtual threads, tests) records into
 * the series' shared multi-writer recorder. Slots are small integers, unique among the threads
 * recording into one registry at a time (the loop's index); slots from {@link #SLOTS} on share.
 */
public final class RecordingThread extends Thread {
  /** How many slots a series keeps single-writer recorders for. */
  public static final int SLOTS = 64;

  final int slot;

  /** A daemon thread running {@code body}, recording into slot {@code slot} of each series. */
  public RecordingThread(int slot, String name, Runnable body) {
    super(null, body, name);
    if (slot < 0) {
      throw new IllegalArgumentException("slot must be >= 0: " + slot);
    }
    this.slot = slot;
    setDaemon(true);
  }
}
