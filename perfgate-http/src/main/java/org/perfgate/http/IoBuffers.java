package org.perfgate.http;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The I/O buffers one {@link Http1Channel} needs while it talks to the server (about 40 KiB: direct
 * read and write buffers, the heap buffer responses are parsed from and a {@link HeaderCache}), lent by a process-wide
 * pool. A channel keeps its buffers from its first request until its VU thinks (sleeps) or the
 * connection closes, so a VU looping without think time never touches the pool, and 100,000 VUs in
 * think time hold no buffers at all (40 KiB each would be 4 GB).
 *
 * <p>The pool is a stack under a lock held for a few instructions (no allocation, no I/O inside):
 * O(1) whatever its size. It keeps up to {@link #POOL_SLOTS} sets, as many as were ever lent at
 * once below that: a generator that falls behind has one set per request in flight, and a set
 * dropped for want of a slot keeps its 24 KiB of native memory until a garbage collection finds it,
 * which a set that lived through a young collection waits for until a full one. With 256 slots,
 * 100,000 VUs (5,000 new connections a second, thousands in flight) dropped sets by the thousand and
 * the process grew to 4.5 GiB resident (bench/scale.sh).
 */
final class IoBuffers {
  static final int READ_BYTES = 16 * 1024;
  static final int WRITE_BYTES = 8 * 1024;
  /**
   * The most sets the pool keeps (at most 160 MiB, 64 of them heap, if that many were ever lent at
   * once); a set given back to a full pool is dropped to the garbage collector.
   */
  static final int POOL_SLOTS = 4096;

  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final IoBuffers[] POOL = new IoBuffers[POOL_SLOTS];
  private static int pooledCount; // guarded by LOCK

  final ByteBuffer readDirect = ByteBuffer.allocateDirect(READ_BYTES);
  final ByteBuffer writeDirect = ByteBuffer.allocateDirect(WRITE_BYTES);
  /** Starts at {@link #READ_BYTES}; a channel may grow it for long header lines and hands it back. */
  byte[] bytes = new byte[READ_BYTES];
  /** Travels with the buffers: it compares bytes before reusing a string, so any channel may use it. */
  final HeaderCache headers = new HeaderCache();

  private IoBuffers() {}

  /** Pooled buffers if any, else new ones. Thread-safe. */
  static IoBuffers borrow() {
    IoBuffers pooled = null;
    LOCK.lock();
    try {
      if (pooledCount > 0) {
        pooled = POOL[--pooledCount];
        POOL[pooledCount] = null;
      }
    } finally {
      LOCK.unlock();
    }
    return pooled != null ? pooled : new IoBuffers();
  }

  /** Returns {@code buffers} to the pool, or drops them when it is full. Thread-safe. */
  static void giveBack(IoBuffers buffers) {
    LOCK.lock();
    try {
      if (pooledCount < POOL_SLOTS) {
        POOL[pooledCount++] = buffers;
      }
    } finally {
      LOCK.unlock();
    }
  }

  /** How many buffer sets the pool holds now (for tests). */
  static int pooled() {
    LOCK.lock();
    try {
      return pooledCount;
    } finally {
      LOCK.unlock();
    }
  }
}
