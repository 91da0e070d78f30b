package org.perfgate.engine;

import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.Step;

/**
 * A virtual user on a virtual thread: its blocking connection and its {@link VuState}. Runs one
 * iteration at a time on whichever (virtual) thread calls {@link #iterate}. Not thread-safe.
 */
final class Vu implements AutoCloseable {
  /**
   * Think times from this long give the connection's buffers back ({@link HttpConnection#idle}):
   * 100,000 thinking VUs then hold no I/O buffers, while a VU sleeping a few milliseconds between
   * requests does not borrow and allocate them again for every request.
   */
  static final long IDLE_AFTER_NANOS = 100_000_000L;

  private final VuState state;
  private final HttpConnection connection;
  private final ConnectionReuse connectionReuse;

  Vu(int id, CompiledScenario scenario, HttpConnection connection, long seed, ConnectionReuse connectionReuse) {
    this.state = new VuState(id, scenario, seed);
    this.connection = connection;
    this.connectionReuse = connectionReuse;
  }

  /**
   * Runs the flow once.
   *
   * @param intendedStartNanos when the iteration should have started ({@code nanoTime} base); for
   *     open-model executors the first request's duration and the iteration's duration are measured
   *     from it, so a late start shows up as latency instead of vanishing (coordinated omission)
   * @return false when the thread was interrupted (hard stop): the caller must stop the VU
   */
  boolean iterate(long intendedStartNanos) {
    try {
      return runFlow(intendedStartNanos);
    } finally {
      if (connectionReuse != ConnectionReuse.ALWAYS) {
        connection.close(); // noVUConnectionReuse: the next iteration connects anew
      }
    }
  }

  private boolean runFlow(long intendedStartNanos) {
    boolean first = true;
    try {
      for (Object step : state.scenario().steps()) {
        if (step instanceof CompiledRequest request) {
          if (!send(request, first ? intendedStartNanos : 0)) {
            return false;
          }
          first = false;
        } else {
          sleep((Step.Sleep) step);
        }
      }
    } catch (IterationAbort abort) {
      state.iterationAborted(abort);
      return !Thread.currentThread().isInterrupted();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
    state.iterationCompleted(intendedStartNanos);
    return true;
  }

  private boolean send(CompiledRequest request, long intendedStartNanos) {
    state.prepare(request);
    connection.execute(state.exchange());
    if (connectionReuse == ConnectionReuse.NEVER) {
      connection.close(); // noConnectionReuse; the exchange keeps its response for the checks below
    }
    if (Thread.currentThread().isInterrupted()) {
      return false; // hard stop cut this request short: its sample would be a lie
    }
    state.complete(request, intendedStartNanos);
    return true;
  }

  private void sleep(Step.Sleep sleep) throws InterruptedException {
    long nanos = state.sleepNanos(sleep);
    if (nanos >= IDLE_AFTER_NANOS) {
      idle();
    }
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  /**
   * Lets the connection give back its pooled buffers while this VU thinks or waits in the
   * arrival-rate pool for its next iteration; the last response body is dropped from the exchange.
   */
  void idle() {
    state.dropResponseBody();
    connection.idle();
  }

  int id() {
    return state.id();
  }

  @Override
  public void close() {
    connection.close();
  }
}
