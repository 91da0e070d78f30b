package org.perfgate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.perfgate.engine.spi.IoHandler;
import org.perfgate.engine.spi.IoLoop;
import org.perfgate.engine.spi.IoTimer;
import org.perfgate.metrics.RecordingThread;

/**
 * One platform thread running a selector, a queue of tasks from other threads and a timer wheel
 * of 1 ms ticks: wrk's threading model. The engine runs the VUs of protocols that offer {@link
 * org.perfgate.engine.spi.AsyncHttpConnection} on one loop per core, because per request a selector
 * loop pays one {@code epoll_wait} shared by every ready connection, where a virtual thread pays a
 * read that finds nothing, an {@code epoll_ctl} to park, a continuation freeze and thaw and a
 * scheduler hand-off: measured ~20 % of the generator's CPU (bench/engine-models).
 *
 * <p>Timers are a hashed wheel (intrusive lists, no allocation to arm or cancel): a connection arms
 * one per request for its timeout. While any timer is armed the loop wakes at least once per tick.
 */
public final class EventLoop implements IoLoop, AutoCloseable {
  static final long TICK_NANOS = 1_000_000;
  private static final int SLOTS = 1024; // ticks per lap; timers further away wait in their slot
  private static final int IO_BUFFER_BYTES = 64 * 1024;
  /**
   * Queued tasks run between two selects. A loop that fell behind has a queue of overdue
   * iterations; started all at once, each would need a VU (and a connection) of its own, because
   * the responses that free VUs are only read at the next select. A batch of 16 shares one
   * {@code selectNow} (about a microsecond) among 16 starts; at 10,000 iterations/s on one core a
   * scenario's start then needed no VU beyond its pre-allocated ones, where it had created
   * maxVUs of them and dropped hundreds of iterations (bench/README.md, rate precision).
   */
  private static final int MAX_TASKS_PER_TURN = 16;

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer ioBuffer = ByteBuffer.allocateDirect(IO_BUFFER_BYTES);
  private final Timer[] wheel = new Timer[SLOTS]; // sentinel heads of circular lists
  private final Timer expired = new Timer(null); // due timers, fired one by one from this list
  private final long baseNanos = System.nanoTime();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final java.util.function.Consumer<SelectionKey> dispatch = this::dispatch; // one, not one per select
  private long processedTick; // every timer due at or before this tick has fired
  private int armedTimers;
  private volatile boolean stopping;

  private EventLoop(String name, int recordingSlot) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    for (int i = 0; i < SLOTS; i++) {
      wheel[i] = new Timer(null);
    }
    thread = recordingSlot < 0
        ? Thread.ofPlatform().name(name).daemon().unstarted(this::run)
        : new RecordingThread(recordingSlot, name, this::run);
  }

  /** Starts a loop on a new daemon thread. */
  public static EventLoop start(String name) {
    return start(name, -1);
  }

  /**
   * Starts a loop whose thread records trend samples into slot {@code recordingSlot} of each series
   * (its own single-writer recorders, see {@link RecordingThread}); -1: the shared recorders.
   */
  static EventLoop start(String name, int recordingSlot) {
    EventLoop loop = new EventLoop(name, recordingSlot);
    loop.thread.start();
    return loop;
  }

  /** Runs {@code task} on the loop soon; from any thread. */
  public void execute(Runnable task) {
    tasks.add(task);
    if (Thread.currentThread() != thread) {
      selector.wakeup();
    }
  }

  @Override
  public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws IOException {
    return channel.register(selector, ops, handler);
  }

  @Override
  public IoTimer timer(Runnable task) {
    return new Timer(task);
  }

  @Override
  public ByteBuffer ioBuffer() {
    return ioBuffer.clear();
  }

  /**
   * Stops the loop after the tasks queued so far, closes the selector (and so every channel still
   * registered) and waits for the thread to end. From any thread but the loop's.
   */
  @Override
  public void close() {
    execute(() -> stopping = true);
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (!stopping) {
        if (tasks.isEmpty()) {
          selector.select(dispatch, timeoutMillis()); // execute() from another thread wakes it
        } else {
          selector.selectNow(dispatch);
        }
        runTasks();
        fireTimers();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("event loop " + thread.getName() + " failed", e);
    } finally {
      for (SelectionKey key : selector.keys()) {
        closeQuietly(key.channel());
      }
      closeQuietly(selector);
      ended.countDown();
    }
  }

  /** 0 (block) when no timer is armed, else until the next tick; 1 ms at least. */
  private long timeoutMillis() {
    if (armedTimers == 0) {
      return 0;
    }
    long untilNextTick = baseNanos + (processedTick + 1) * TICK_NANOS - System.nanoTime();
    return Math.max(1, (untilNextTick + TICK_NANOS - 1) / TICK_NANOS);
  }

  private void dispatch(SelectionKey key) {
    try {
      ((IoHandler) key.attachment()).ready(key.readyOps());
    } catch (RuntimeException | Error bug) {
      // A protocol bug must not stop the loop (every VU on it would hang until the hard stop).
      System.err.println("perfgate: internal error on " + thread.getName() + ": " + bug);
      bug.printStackTrace();
    }
  }

  private void runTasks() {
    // only tasks queued so far, and at most a batch: neither a task that queues another nor a long
    // queue may starve the selector
    for (int n = Math.min(tasks.size(), MAX_TASKS_PER_TURN); n > 0; n--) {
      Runnable task = tasks.poll();
      if (task == null) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException | Error bug) {
        System.err.println("perfgate: internal error on " + thread.getName() + ": " + bug);
        bug.printStackTrace();
      }
    }
  }

  private long tickOf(long nanos) {
    return Math.floorDiv(nanos - baseNanos + TICK_NANOS - 1, TICK_NANOS); // ceiling: never early
  }

  private void fireTimers() {
    if (armedTimers == 0) {
      processedTick = tickOf(System.nanoTime()) - 1;
      return;
    }
    long now = Math.floorDiv(System.nanoTime() - baseNanos, TICK_NANOS);
    // after a long pause every slot holds only due timers or ones a lap or more away: one lap visits all
    long from = Math.max(processedTick + 1, now - SLOTS + 1);
    for (long tick = from; tick <= now; tick++) {
      Timer head = wheel[(int) (tick & (SLOTS - 1))];
      for (Timer timer = head.next; timer != head; ) {
        Timer next = timer.next;
        if (timer.dueTick <= now) {
          timer.unlink();
          timer.linkBefore(expired);
        }
        timer = next;
      }
    }
    processedTick = now;
    // fire from the list one at a time: a task may cancel or re-arm any timer, including due ones
    while (expired.next != expired) {
      Timer timer = expired.next;
      timer.unlink();
      armedTimers--;
      try {
        timer.task.run();
      } catch (RuntimeException | Error bug) {
        System.err.println("perfgate: internal error on " + thread.getName() + ": " + bug);
        bug.printStackTrace();
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing at the end of the loop: nothing left to tell
    }
  }

  /** A wheel entry; also the sentinel head of each slot's circular list. */
  private final class Timer implements IoTimer {
    private final Runnable task;
    private Timer prev = this;
    private Timer next = this;
    private long dueTick;

    Timer(Runnable task) {
      this.task = task;
    }

    @Override
    public void arm(long dueNanos) {
      cancel();
      // a timer due in a tick already processed fires at the next one
      dueTick = Math.max(tickOf(dueNanos), processedTick + 1);
      linkBefore(wheel[(int) (dueTick & (SLOTS - 1))]);
      armedTimers++;
    }

    @Override
    public void cancel() {
      if (next != this) {
        unlink();
        armedTimers--;
      }
    }

    @Override
    public boolean armed() {
      return next != this;
    }

    private void unlink() {
      prev.next = next;
      next.prev = prev;
      prev = this;
      next = this;
    }

    private void linkBefore(Timer head) {
      prev = head.prev;
      next = head;
      head.prev.next = this;
      head.prev = this;
    }
  }
}
