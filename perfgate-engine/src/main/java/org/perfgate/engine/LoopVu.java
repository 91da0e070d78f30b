package org.perfgate.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.perfgate.engine.spi.AsyncHttpConnection;
import org.perfgate.engine.spi.IoTimer;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.Step;

/**
 * A virtual user on an {@link EventLoop}: the flow as a state machine instead of a thread. A
 * request step starts a non-blocking exchange and returns to the loop; the response continues the
 * flow. A sleep arms a timer. When an iteration ends its {@link Driver} (the executor) says whether
 * the next one starts at once. Every method runs on the VU's loop.
 */
final class LoopVu {
  /** Returned by {@link Driver#iterationEnded}: no iteration now. */
  static final long NONE = Long.MIN_VALUE;

  /** The executor's side of a VU. */
  interface Driver {
    /**
     * The VU's iteration ended (completed or aborted by a failed extraction). Returns the intended
     * start of the next iteration to run on it at once, or {@link #NONE}: the driver keeps the VU
     * (and later calls {@link #start}) or closes it.
     */
    long iterationEnded(LoopVu vu);
  }

  private final VuState state;
  private final EventLoop loop;
  private final AsyncHttpConnection connection;
  private final ConnectionReuse connectionReuse;
  private final AtomicInteger activeVus;
  private final IoTimer sleepTimer;
  private final Runnable onResponse = this::onResponse;
  private Driver driver;
  private long intendedStartNanos;
  private long iterations;
  private int step;
  private boolean firstRequest;
  private boolean running;
  private boolean inExecute;
  private boolean answeredInExecute;
  private boolean closed;

  LoopVu(VuState state, EventLoop loop, AsyncHttpConnection connection, ConnectionReuse connectionReuse,
      AtomicInteger activeVus) {
    this.state = state;
    this.loop = loop;
    this.connection = connection;
    this.connectionReuse = connectionReuse;
    this.activeVus = activeVus;
    this.sleepTimer = loop.timer(this::resume);
  }

  EventLoop loop() {
    return loop;
  }

  void driver(Driver driver) {
    this.driver = driver;
  }

  /** Iterations this VU ended so far. */
  long iterations() {
    return iterations;
  }

  /**
   * Starts an iteration measured from {@code intendedStartNanos}, and the following ones while the
   * driver asks for them. Returns when the VU waits for the network, a think time or its driver.
   */
  void start(long intendedStartNanos) {
    for (long next = intendedStartNanos; next != NONE; next = endIteration()) {
      running = true;
      activeVus.incrementAndGet();
      this.intendedStartNanos = next;
      step = 0;
      firstRequest = true;
      if (!advance()) {
        return;
      }
    }
  }

  /** Runs steps until one has to wait; true when the iteration is over. */
  private boolean advance() {
    List<Object> steps = state.scenario().steps();
    try {
      while (step < steps.size()) {
        if (steps.get(step) instanceof CompiledRequest request) {
          state.prepare(request);
          inExecute = true;
          answeredInExecute = false;
          connection.execute(state.exchange(), onResponse);
          inExecute = false;
          if (!answeredInExecute) {
            return false;
          }
          requestDone(request);
        } else {
          long nanos = state.sleepNanos((Step.Sleep) steps.get(step));
          step++;
          if (nanos > 0) {
            if (nanos >= Vu.IDLE_AFTER_NANOS) {
              idle();
            }
            sleepTimer.arm(System.nanoTime() + nanos);
            return false;
          }
        }
      }
      state.iterationCompleted(intendedStartNanos);
    } catch (IterationAbort abort) {
      state.iterationAborted(abort);
    }
    return true;
  }

  private void requestDone(CompiledRequest request) {
    if (connectionReuse == ConnectionReuse.NEVER) {
      connection.close(); // noConnectionReuse; the exchange keeps its response for the checks
    }
    state.complete(request, firstRequest ? intendedStartNanos : 0);
    firstRequest = false;
    step++;
  }

  private void onResponse() {
    if (inExecute) {
      answeredInExecute = true; // advance() goes on: no recursion however many answer at once
      return;
    }
    requestDone((CompiledRequest) state.scenario().steps().get(step));
    resume();
  }

  /** Continues after a response or a think time, from the loop. */
  private void resume() {
    if (advance()) {
      long next = endIteration();
      if (next != NONE) {
        start(next);
      }
    }
  }

  private long endIteration() {
    running = false;
    iterations++;
    activeVus.decrementAndGet();
    if (connectionReuse != ConnectionReuse.ALWAYS) {
      connection.close(); // noVUConnectionReuse: the next iteration connects anew
    }
    return driver.iterationEnded(this);
  }

  /**
   * Ends an iteration in flight without recording it (hard stop, abort): its request is abandoned,
   * as a virtual thread's is interrupted. True when one was in flight.
   */
  boolean stop() {
    if (!running) {
      return false;
    }
    running = false;
    activeVus.decrementAndGet();
    sleepTimer.cancel();
    connection.close();
    return true;
  }

  /** Gives back memory the connection can take again (between arrival-rate iterations, long sleeps). */
  void idle() {
    state.dropResponseBody();
    connection.idle();
  }

  /** Stops any iteration and closes the connection; once. */
  void close() {
    if (!closed) {
      closed = true;
      stop();
      connection.close();
    }
  }
}
