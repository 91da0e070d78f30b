package org.perfgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ResponseTimerTest {
  private static final long MS = 1_000_000;

  /** What a write saw: which stream, when, on which thread. */
  private record Write(String stream, long nanos, Thread thread) {}

  /** An output stream that logs each write into a shared list. */
  private static OutputStream logging(String name, List<Write> log) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        log.add(new Write(name, System.nanoTime(), Thread.currentThread()));
      }
    };
  }

  @Test
  void writesResponsesInDueOrderWhateverTheOrderTheyCameIn() throws Exception {
    List<Write> log = Collections.synchronizedList(new ArrayList<>());
    // due times far enough ahead that all three are queued before the first is due
    long base = System.nanoTime() + 500 * MS;
    try (ResponseTimer timer = new ResponseTimer(new NanoHistogram(), new NanoHistogram());
        var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Boolean>> sent = new ArrayList<>();
      for (String name : List.of("c", "b", "a")) {
        long due = base + (name.charAt(0) - 'a') * 50 * MS;
        sent.add(threads.submit(() -> ResponseTimer.awaitSent(timer.schedule(due, logging(name, log), new byte[] {1}))));
      }
      for (Future<Boolean> each : sent) {
        assertThat(each.get()).isTrue();
      }
    }
    assertThat(log).extracting(Write::stream).containsExactly("a", "b", "c");
  }

  @Test
  void neverWritesBeforeTheDueTimeAndRecordsHowLateItWrote() {
    List<Write> log = Collections.synchronizedList(new ArrayList<>());
    NanoHistogram woken = new NanoHistogram();
    NanoHistogram sent = new NanoHistogram();
    long due = System.nanoTime() + 20 * MS;
    try (ResponseTimer timer = new ResponseTimer(woken, sent)) {
      assertThat(ResponseTimer.awaitSent(timer.schedule(due, logging("x", log), new byte[] {1}))).isTrue();
    }
    assertThat(log).singleElement().satisfies(write -> assertThat(write.nanos() - due).isNotNegative());
    assertThat(woken.snapshot().count()).isEqualTo(1);
    assertThat(sent.snapshot().count()).isEqualTo(1);
    assertThat(sent.snapshot().maxNanos()).isGreaterThanOrEqualTo(woken.snapshot().maxNanos());
  }

  @Test
  void writesAtOnceOnTheCallersThreadWhenAlreadyDue() {
    List<Write> log = Collections.synchronizedList(new ArrayList<>());
    try (ResponseTimer timer = new ResponseTimer(new NanoHistogram(), new NanoHistogram())) {
      assertThat(ResponseTimer.awaitSent(timer.schedule(System.nanoTime(), logging("now", log), new byte[] {1})))
          .isTrue();
    }
    assertThat(log).singleElement().extracting(Write::thread).isEqualTo(Thread.currentThread());
  }

  @Test
  void tellsTheWaiterWhenTheWriteFailed() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("connection reset");
      }
    };
    NanoHistogram sent = new NanoHistogram();
    try (ResponseTimer timer = new ResponseTimer(new NanoHistogram(), sent)) {
      assertThat(ResponseTimer.awaitSent(timer.schedule(System.nanoTime() + MS, broken, new byte[] {1}))).isFalse();
    }
    assertThat(sent.snapshot().count()).isZero();
  }

  @Test
  void releasesWaitersUnsentWhenClosed() throws Exception {
    List<Write> log = Collections.synchronizedList(new ArrayList<>());
    ResponseTimer timer = new ResponseTimer(new NanoHistogram(), new NanoHistogram());
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Boolean> waiting = threads.submit(
          () -> ResponseTimer.awaitSent(timer.schedule(System.nanoTime() + 3_600_000 * MS, logging("late", log), new byte[] {1})));
      timer.close();
      assertThat(waiting.get()).isFalse();
      // scheduling after close does not wait for a timer that is gone
      assertThat(ResponseTimer.awaitSent(timer.schedule(System.nanoTime() + 3_600_000 * MS, logging("after", log), new byte[] {1})))
          .isFalse();
    }
    assertThat(log).isEmpty();
  }
}
