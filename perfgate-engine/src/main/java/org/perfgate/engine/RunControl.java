package org.perfgate.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.model.ConnectionReuse;

/**
 * State shared by every scenario of one run: the protocol, VU numbering and counts, and the abort
 * switch that interrupts every VU thread at once (abortOnFail, Ctrl-C).
 */
final class RunControl {
  private final HttpProtocol protocol;
  private final HttpClientOptions httpOptions;
  private final long seed;
  private final ConnectionReuse connectionReuse;
  private final AtomicInteger nextVuId = new AtomicInteger(1);
  private final AtomicInteger activeVus = new AtomicInteger();
  private final AtomicInteger allocatedVus = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private volatile String abortReason;

  RunControl(HttpProtocol protocol, HttpClientOptions httpOptions, long seed, ConnectionReuse connectionReuse) {
    this.protocol = protocol;
    this.httpOptions = connectionReuse == ConnectionReuse.NEVER ? httpOptions.withKeepAlive(false) : httpOptions;
    this.seed = seed;
    this.connectionReuse = connectionReuse;
  }

  Vu newVu(CompiledScenario scenario) {
    int id = nextVuId.getAndIncrement();
    allocatedVus.incrementAndGet();
    return new Vu(id, scenario, protocol.open(httpOptions), seed * 31 + id, connectionReuse);
  }

  /** A VU living on {@code loop}; requires a {@link HttpProtocol#nonBlocking()} protocol. */
  LoopVu newLoopVu(CompiledScenario scenario, EventLoop loop) {
    int id = nextVuId.getAndIncrement();
    allocatedVus.incrementAndGet();
    return new LoopVu(new VuState(id, scenario, seed * 31 + id), loop, protocol.openAsync(httpOptions, loop),
        connectionReuse, activeVus);
  }

  AtomicInteger activeVus() {
    return activeVus;
  }

  int allocatedVus() {
    return allocatedVus.get();
  }

  /** A virtual thread that an abort can interrupt; start it with {@link #start}. */
  Thread newThread(String name, Runnable body) {
    Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
      try {
        body.run();
      } finally {
        threads.remove(Thread.currentThread());
      }
    });
    threads.add(thread);
    return thread;
  }

  void start(Thread thread) {
    thread.start();
    if (abortReason != null) {
      thread.interrupt();
    }
  }

  /** Stops the run now: no new iterations, running ones interrupted. The first reason wins. */
  synchronized void abort(String reason) {
    if (abortReason == null) {
      abortReason = reason;
      interruptAll();
    }
  }

  void interruptAll() {
    for (Thread thread : threads) {
      thread.interrupt();
    }
  }

  boolean aborted() {
    return abortReason != null;
  }

  String abortReason() {
    return abortReason;
  }

  /** Sleeps until {@code deadlineNanos}; false when interrupted or aborted first. */
  boolean sleepUntil(long deadlineNanos) {
    while (!aborted()) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return true;
      }
      LockSupport.parkNanos(remaining);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return false;
  }
}
