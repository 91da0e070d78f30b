package org.perfgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.spi.IoTimer;

class EventLoopTest {
  private final EventLoop loop = EventLoop.start("test-loop");

  @AfterEach
  void close() {
    loop.close();
  }

  private <T> T onLoop(java.util.function.Supplier<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.execute(() -> result.complete(task.get()));
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  void runsTasksFromOtherThreadsOnItsOwnThread() throws Exception {
    assertThat(onLoop(() -> Thread.currentThread().getName())).isEqualTo("test-loop");
  }

  @Test
  void firesTimersInDueOrderAndNeverBeforeTheirDueTime() throws Exception {
    int count = 50;
    long[] due = new long[count];
    long[] fired = new long[count];
    List<Integer> order = new ArrayList<>();
    CountDownLatch all = new CountDownLatch(count);
    loop.execute(() -> {
      long now = System.nanoTime();
      for (int i = count - 1; i >= 0; i--) {
        int index = i;
        due[i] = now + (i + 1) * 3_000_000L; // 3, 6, ... 150 ms, armed in reverse order
        loop.timer(() -> {
          fired[index] = System.nanoTime();
          order.add(index);
          all.countDown();
        }).arm(due[i]);
      }
    });
    assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < count; i++) {
      assertThat(fired[i]).isGreaterThanOrEqualTo(due[i]);
    }
    assertThat(onLoop(() -> List.copyOf(order))).isSorted();
  }

  @Test
  void aCancelledTimerDoesNotFireAndAReArmedOneFiresOnceAtItsNewTime() throws Exception {
    List<String> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch later = new CountDownLatch(1);
    loop.execute(() -> {
      long now = System.nanoTime();
      IoTimer cancelled = loop.timer(() -> fired.add("cancelled"));
      cancelled.arm(now + 5_000_000);
      cancelled.cancel();
      IoTimer rearmed = loop.timer(() -> fired.add("rearmed"));
      rearmed.arm(now + 5_000_000);
      rearmed.arm(now + 40_000_000);
      loop.timer(later::countDown).arm(now + 80_000_000);
    });
    assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fired).containsExactly("rearmed");
  }

  @Test
  void timersMoreThanOneWheelLapAwayWaitTheirTurn() throws Exception {
    // the wheel has 1,024 slots of 1 ms: a timer 1.5 s away shares its slot with ticks 1 lap earlier
    long[] firedAfter = new long[1];
    CountDownLatch fired = new CountDownLatch(1);
    long start = System.nanoTime();
    loop.execute(() -> loop.timer(() -> {
      firedAfter[0] = System.nanoTime() - start;
      fired.countDown();
    }).arm(start + 1_500_000_000L));
    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(firedAfter[0]).isGreaterThanOrEqualTo(1_500_000_000L);
  }

  @Test
  void aTimerCanCancelAnotherDueInTheSameTick() throws Exception {
    List<String> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    loop.execute(() -> {
      long due = System.nanoTime() + 2_000_000;
      IoTimer second = loop.timer(() -> fired.add("second"));
      IoTimer first = loop.timer(() -> {
        fired.add("first");
        second.cancel();
      });
      first.arm(due);
      second.arm(due);
      loop.timer(done::countDown).arm(due + 20_000_000);
    });
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fired).containsExactly("first");
  }

  @Test
  void servesReadyConnectionsBetweenBatchesOfQueuedTasks() throws Exception {
    // A loop that is behind has many tasks queued (overdue iterations). Between batches it must
    // take in the connections that became ready (responses that free VUs), or every queued task
    // would need a VU and a connection of its own.
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
    pipe.source().configureBlocking(false);
    pipe.sink().write(java.nio.ByteBuffer.wrap(new byte[] {1})); // stays readable: never drained
    CountDownLatch registered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    loop.execute(() -> {
      try {
        loop.register(pipe.source(), java.nio.channels.SelectionKey.OP_READ, ops -> order.add("io"));
        registered.countDown();
        release.await(); // the loop is busy while 100 tasks fall due
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();
    CountDownLatch done = new CountDownLatch(100);
    for (int i = 0; i < 100; i++) {
      loop.execute(() -> {
        order.add("task");
        done.countDown();
      });
    }
    release.countDown();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

    List<String> snapshot = List.copyOf(order); // the pipe stays readable: "io" goes on
    List<String> upToLastTask = snapshot.subList(0, snapshot.lastIndexOf("task") + 1);
    int run = 0;
    int longestRun = 0;
    for (String event : upToLastTask) {
      run = event.equals("task") ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    assertThat(longestRun).isEqualTo(16);
    assertThat(upToLastTask.stream().filter("io"::equals).count()).isGreaterThanOrEqualTo(100 / 16);
    pipe.sink().close();
    pipe.source().close();
  }
}
