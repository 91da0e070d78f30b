package org.perfgate.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes each {@link DelayServer} response at its due time, from one platform thread: the server's
 * promise of a known latency is kept here. Thread-safe; one instance per server.
 *
 * <p>Why not a {@code parkNanos} per connection, as before: measured on the 2-core benchmark VM,
 * {@code parkNanos} wakes a platform thread 120 µs after its deadline at p50 (Linux timer slack of
 * 50 µs plus waking an idle vCPU), a virtual thread 140-150 µs (plus the JDK's unparker thread and
 * the hop to a carrier); with the write, the server sent a D = 10 ms response 0.18-0.20 ms late at
 * p50. So the timer thread sleeps until {@link #SPIN_NANOS} before the earliest due time, spins
 * until it is due and writes the response itself: no thread hop between the deadline and the write.
 * Spinning costs up to {@code SPIN_NANOS} of CPU per due time (125 µs on average: about 6 % of a
 * core at 500 responses/s). Responses due at the same time leave in arrival order, one write after
 * the other.
 *
 * <p>A slow reader would block the timer in {@code write}; responses are 82 bytes and clients of
 * this server wait for each answer before sending the next request, so the socket buffer is empty.
 */
final class ResponseTimer implements AutoCloseable {
  /** How long before a due time the timer stops sleeping and spins: above parkNanos' p90 overshoot. */
  static final long SPIN_NANOS = 250_000;

  /** One response to write: the connection's thread waits in {@link #awaitSent}. */
  static final class Response {
    private final long dueNanos;
    private final long sequence;
    private final OutputStream out;
    private final byte[] bytes;
    private final Thread waiter;
    private volatile boolean done;
    private volatile boolean sent;

    private Response(long dueNanos, long sequence, OutputStream out, byte[] bytes, Thread waiter) {
      this.dueNanos = dueNanos;
      this.sequence = sequence;
      this.out = out;
      this.bytes = bytes;
      this.waiter = waiter;
    }
  }

  private final PriorityQueue<Response> queue =
      new PriorityQueue<>(Comparator.<Response>comparingLong(r -> r.dueNanos).thenComparingLong(r -> r.sequence));
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final NanoHistogram wokenLate;
  private final NanoHistogram sentLate;
  private final Thread thread;
  private long sequence;
  private volatile boolean closed;

  /** Starts the timer thread; lateness of every response is recorded into the two histograms. */
  ResponseTimer(NanoHistogram wokenLate, NanoHistogram sentLate) {
    this.wokenLate = wokenLate;
    this.sentLate = sentLate;
    this.thread = Thread.ofPlatform().name("delay-server-timer").daemon().start(this::run);
  }

  /**
   * Writes {@code bytes} to {@code out} at {@code dueNanos} ({@code System.nanoTime()}): at once, on
   * the caller's thread, when that is already past (D = 0: no hop to the timer thread, whose wake-up
   * would add to the loopback cost that a D = 0 run measures), else queued for the timer thread.
   */
  Response schedule(long dueNanos, OutputStream out, byte[] bytes) {
    if (dueNanos - System.nanoTime() <= 0) {
      Response response = new Response(dueNanos, -1, out, bytes, Thread.currentThread());
      send(response);
      return response;
    }
    lock.lock();
    try {
      Response response = new Response(dueNanos, sequence++, out, bytes, Thread.currentThread());
      if (closed) {
        finish(response, false); // the timer thread has ended (or is ending under this lock's wait)
        return response;
      }
      queue.add(response);
      if (queue.peek() == response) {
        changed.signal();
      }
      return response;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code response} is written; false when the write failed or the timer closed. */
  static boolean awaitSent(Response response) {
    while (!response.done) {
      LockSupport.park(response);
    }
    return response.sent;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  private void run() {
    try {
      while (!closed) {
        Response next = nextDue();
        if (next != null) {
          send(next);
        }
      }
    } catch (InterruptedException stopping) {
      // close(): the responses still queued are never sent
    } finally {
      lock.lock();
      try {
        for (Response response = queue.poll(); response != null; response = queue.poll()) {
          finish(response, false);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** The earliest response once it is due, or null after sleeping towards (or spinning at) it. */
  private Response nextDue() throws InterruptedException {
    lock.lock();
    try {
      Response head = queue.peek();
      if (head == null) {
        changed.await();
        return null;
      }
      long wait = head.dueNanos - System.nanoTime();
      if (wait <= 0) {
        return queue.poll();
      }
      if (wait > SPIN_NANOS) {
        changed.awaitNanos(wait - SPIN_NANOS);
        return null;
      }
    } finally {
      lock.unlock();
    }
    // spinning, and looking again each time (a response due earlier may have come in). Not
    // Thread.yield(): on a loaded machine it hands the core to another process for a whole time
    // slice (measured: p90 lateness 2 ms instead of 0.5); the kernel still preempts this spin when a
    // connection thread wakes up with a request to read
    Thread.onSpinWait();
    if (closed) {
      throw new InterruptedException("closed");
    }
    return null;
  }

  private void send(Response response) {
    long woken = System.nanoTime();
    boolean sent = false;
    try {
      response.out.write(response.bytes);
      response.out.flush();
      sent = true;
    } catch (IOException closedByClient) {
      // the connection is gone: its thread sees the failure and ends it
    }
    long done = System.nanoTime();
    if (sent) {
      wokenLate.record(woken - response.dueNanos);
      sentLate.record(done - response.dueNanos);
    }
    finish(response, sent);
  }

  private static void finish(Response response, boolean sent) {
    response.sent = sent;
    response.done = true;
    if (response.waiter != Thread.currentThread()) { // written at once: no permit left behind
      LockSupport.unpark(response.waiter);
    }
  }
}
