package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.testkit.TargetServer;

/** Open http1 connections stay below the process's open-file limit: a connect waits for a slot. */
class ConnectionSlotsTest {
  private static TargetServer server;

  @BeforeAll
  static void start() {
    server = TargetServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Starts {@code body} on a virtual thread and returns once it waits (for a slot). */
  private static Thread startAndAwaitWaiting(Runnable body) throws InterruptedException {
    Thread thread = Thread.ofVirtual().start(body);
    while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
      if (!thread.isAlive()) {
        throw new AssertionError("ended instead of waiting for a slot");
      }
      Thread.sleep(1);
    }
    return thread;
  }

  @Test
  void sizesSlotsBelowTheOpenFileLimit() {
    assertThat(ConnectionSlots.forOpenFileLimit(20_000)).isEqualTo(17_770); // (20,000 - 256) less a tenth
    assertThat(ConnectionSlots.forOpenFileLimit(1024)).isEqualTo(692);
    assertThat(ConnectionSlots.forOpenFileLimit(100)).isEqualTo(16);
    assertThat(ConnectionSlots.forOpenFileLimit(-1)).isEqualTo(ConnectionSlots.UNKNOWN_LIMIT_SLOTS);
    assertThat(ConnectionSlots.PROCESS.capacity()).isPositive();
  }

  @Test
  void aConnectWaitsForASlotUntilAnotherConnectionCloses() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(1);
    Http1Channel first = new Http1Channel("127.0.0.1", server.port(), false, slots);
    Http1Channel second = new Http1Channel("127.0.0.1", server.port(), false, slots);
    first.connect(2000);
    assertThat(slots.taken()).isEqualTo(1);

    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread waiting = startAndAwaitWaiting(() -> {
      try {
        second.connect(60_000);
      } catch (Exception e) {
        failure.set(e);
      }
    });
    assertThat(second.isOpen()).isFalse();
    first.close();
    waiting.join();

    assertThat(failure.get()).isNull();
    assertThat(second.isOpen()).isTrue();
    assertThat(second.blockedNanos).isPositive();
    assertThat(slots.taken()).isEqualTo(1);
    second.close();
    assertThat(slots.taken()).isZero();
  }

  @Test
  void failsWithTheLimitNamedWhenNoSlotFreesWithinTheConnectTimeout() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(1);
    Http1Channel holder = new Http1Channel("127.0.0.1", server.port(), true, slots);
    holder.connect(2000);
    Http1Channel late = new Http1Channel("127.0.0.1", server.port(), true, slots);

    assertThatThrownBy(() -> late.connect(1))
        .isInstanceOfSatisfying(ResponseException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.OTHER_IO_ERROR))
        .hasMessageContaining("no connection slot")
        .hasMessageContaining("open-file limit");
    assertThat(late.isOpen()).isFalse();
    assertThat(slots.taken()).isEqualTo(1);
    holder.close();
  }

  @Test
  void givesTheSlotBackOnceWhateverHowOftenTheChannelIsClosed() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(2);
    Http1Channel channel = new Http1Channel("127.0.0.1", server.port(), false, slots);
    channel.connect(2000);
    HttpExchange exchange = Protocols.exchange("GET", server.uri("/fast"));
    channel.exchange(exchange, new BodyBuffer(1024), System.nanoTime(), 5_000_000_000L);
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(channel.isOpen()).isFalse(); // Connection: close: closed after the response

    channel.close();
    assertThat(slots.taken()).isZero();
  }

  @Test
  void aRefusedConnectGivesItsSlotBack() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConnectionSlots slots = new ConnectionSlots(1);
    Http1Channel channel = new Http1Channel("127.0.0.1", closedPort, true, slots);

    assertThatThrownBy(() -> channel.connect(2000)).isInstanceOf(ConnectException.class);
    assertThat(slots.taken()).isZero();
  }

  @Test
  void reportsTheWaitForASlotAsBlockedTime() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(1);
    Http1Connection keepsItsConnection = new Http1Connection(Protocols.OPTIONS, slots);
    Http1Connection waits = new Http1Connection(Protocols.OPTIONS, slots);
    HttpExchange first = Protocols.exchange("GET", server.uri("/fast"));
    keepsItsConnection.execute(first);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.blockedNanos()).isZero();
    assertThat(slots.taken()).isEqualTo(1); // the keep-alive connection stays open

    HttpExchange second = Protocols.exchange("GET", server.uri("/fast"));
    Thread waiting = startAndAwaitWaiting(() -> waits.execute(second));
    keepsItsConnection.close();
    waiting.join();

    assertThat(second.failure()).isEqualTo(FailureReason.NONE);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.blockedNanos()).isPositive();
    waits.close();
    assertThat(slots.taken()).isZero();
  }

  @Test
  void anAsyncConnectWaitsForASlotAndReportsTheWaitAsBlocked() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(1);
    org.perfgate.engine.EventLoop loop = org.perfgate.engine.EventLoop.start("slots-loop");
    try {
      Http1AsyncConnection holder = new Http1AsyncConnection(Protocols.OPTIONS, loop, slots);
      Http1AsyncConnection waiter = new Http1AsyncConnection(Protocols.OPTIONS, loop, slots);
      HttpExchange first = new HttpExchange();
      first.reset("GET", server.uri("/fast"));
      java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
      loop.execute(() -> holder.execute(first, held::countDown)); // keep-alive: keeps its slot
      assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(slots.taken()).isEqualTo(1);

      HttpExchange second = new HttpExchange();
      second.reset("GET", server.uri("/fast"));
      java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
      // on the loop's clock: the wait began at the latest when execute returned, and cannot end
      // before the slot comes back
      java.util.concurrent.atomic.AtomicLong waitingSince = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.atomic.AtomicLong slotBack = new java.util.concurrent.atomic.AtomicLong();
      loop.execute(() -> {
        waiter.execute(second, answered::countDown);
        waitingSince.set(System.nanoTime());
      });
      assertThat(answered.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse(); // waits
      loop.execute(() -> {
        slotBack.set(System.nanoTime());
        holder.close(); // gives the slot back
      });
      assertThat(answered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      assertThat(second.failure()).isEqualTo(FailureReason.NONE);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.blockedNanos()).isGreaterThanOrEqualTo(slotBack.get() - waitingSince.get())
          .isGreaterThan(50_000_000L);
      java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
      loop.execute(() -> {
        waiter.close();
        closed.countDown();
      });
      closed.await();
      assertThat(slots.taken()).isZero();
    } finally {
      loop.close();
    }
  }

  @Test
  void anAsyncConnectFailsWithTheLimitNamedWhenNoSlotFreesWithinTheConnectTimeout() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(1);
    assertThat(slots.tryTake()).isTrue(); // someone holds the only slot
    org.perfgate.engine.EventLoop loop = org.perfgate.engine.EventLoop.start("slots-loop");
    try {
      Http1AsyncConnection late = new Http1AsyncConnection(
          new org.perfgate.engine.spi.HttpClientOptions(java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(5),
              1024), loop, slots);
      HttpExchange exchange = new HttpExchange();
      exchange.reset("GET", server.uri("/fast"));
      java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
      loop.execute(() -> late.execute(exchange, answered::countDown));
      assertThat(answered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      assertThat(exchange.failure()).isEqualTo(FailureReason.OTHER_IO_ERROR);
      assertThat(exchange.failureDetail()).contains("no connection slot").contains("open-file limit");
      assertThat(exchange.blockedNanos()).isGreaterThanOrEqualTo(50_000_000L);
      assertThat(slots.taken()).isEqualTo(1);
    } finally {
      loop.close();
    }
  }
}
