package org.perfgate.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The I/O buffers one {@link Http1Channel} needs while it talks to the server (about 40 KiB: direct
 * read and write buffers, the heap buffer responses are parsed from and a {@link HeaderCache}), lent by a process-wide
 * pool. A channel keeps its buffers from its first request until its VU thinks (sleeps) or the
 * connection closes, so a VU looping without think time never touches the pool, and 100,000 VUs in
 * think time hold no buffers at all (40 KiB each would be 4 GB).
 *
 * <p>The pool is a fixed array of slots taken and filled with one compare-and-set each: lock-free
 * and allocation-free. A borrow that finds no pooled buffers allocates new ones; a return that
 * finds every slot full drops its buffers to the garbage collector. (An intrusive lock-free stack
 * would suffer ABA when a bundle is returned while another thread is popping it.)
 */
final class IoBuffers {
  static final int READ_BYTES = 16 * 1024;
  static final int WRITE_BYTES = 8 * 1024;
  /** Enough for the exchanges of a generator's busy VUs at once; more are allocated, then dropped. */
  static final int POOL_SLOTS = 256;

  private static final AtomicReferenceArray<IoBuffers> POOL = new AtomicReferenceArray<>(POOL_SLOTS);

  final ByteBuffer readDirect = ByteBuffer.allocateDirect(READ_BYTES);
  final ByteBuffer writeDirect = ByteBuffer.allocateDirect(WRITE_BYTES);
  /** Starts at {@link #READ_BYTES}; a channel may grow it for long header lines and hands it back. */
  byte[] bytes = new byte[READ_BYTES];
  /** Travels with the buffers: it compares bytes before reusing a string, so any channel may use it. */
  final HeaderCache headers = new HeaderCache();

  private IoBuffers() {}

  /** Pooled buffers if any, else new ones. Thread-safe. */
  static IoBuffers borrow() {
    for (int slot = 0; slot < POOL_SLOTS; slot++) {
      IoBuffers pooled = POOL.getPlain(slot);
      if (pooled != null && POOL.compareAndSet(slot, pooled, null)) {
        return pooled;
      }
    }
    return new IoBuffers();
  }

  /** Returns {@code buffers} to the pool, or drops them when it is full. Thread-safe. */
  static void giveBack(IoBuffers buffers) {
    for (int slot = 0; slot < POOL_SLOTS; slot++) {
      if (POOL.getPlain(slot) == null && POOL.compareAndSet(slot, null, buffers)) {
        return;
      }
    }
  }

  /** How many buffer sets the pool holds now (for tests). */
  static int pooled() {
    int count = 0;
    for (int slot = 0; slot < POOL_SLOTS; slot++) {
      if (POOL.get(slot) != null) {
        count++;
      }
    }
    return count;
  }
}
