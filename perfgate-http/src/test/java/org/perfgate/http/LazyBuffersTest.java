package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.testkit.TargetServer;

/** I/O buffers are borrowed for exchanges and given back while the VU thinks. */
class LazyBuffersTest {
  private static TargetServer server;

  static {
    // JDK 25 refuses Unsafe field offsets of records (DirectByteBuffer's Deallocator): JOL's
    // fallback finds them by probing instead
    System.setProperty("jol.magicFieldOffset", "true");
  }

  @BeforeAll
  static void start() {
    server = TargetServer.start();
  }

  @BeforeEach
  void reset() {
    server.resetCounts();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpExchange get(Http1Channel channel, BodyBuffer body) throws Exception {
    HttpExchange exchange = Protocols.exchange("GET", server.uri("/fast"));
    channel.exchange(exchange, body, System.nanoTime(), 5_000_000_000L);
    return exchange;
  }

  @Test
  void holdsBuffersOnlyBetweenTheFirstRequestAndTheRelease() throws Exception {
    Http1Channel channel = new Http1Channel("127.0.0.1", server.port());
    BodyBuffer body = new BodyBuffer(1 << 20);
    assertThat(channel.holdsBuffers()).isFalse();
    channel.connect(2000);
    assertThat(channel.holdsBuffers()).isFalse();

    HttpExchange first = get(channel, body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(channel.holdsBuffers()).isTrue();

    channel.releaseBuffers();
    assertThat(channel.holdsBuffers()).isFalse();
    assertThat(channel.isOpen()).isTrue(); // releasing buffers keeps the keep-alive connection

    HttpExchange second = get(channel, body);
    assertThat(second.failure()).isEqualTo(FailureReason.NONE);
    assertThat(second.responseBodyText()).isEqualTo(first.responseBodyText());
    assertThat(server.connectionCount()).isEqualTo(1);

    channel.close();
    assertThat(channel.holdsBuffers()).isFalse();
  }

  @Test
  void returnedBuffersAreReusedByTheNextBorrower() throws Exception {
    Http1Channel one = new Http1Channel("127.0.0.1", server.port());
    one.connect(2000);
    get(one, new BodyBuffer(1024));
    one.close();
    int pooled = IoBuffers.pooled();
    assertThat(pooled).isPositive();

    Http1Channel two = new Http1Channel("127.0.0.1", server.port());
    two.connect(2000);
    get(two, new BodyBuffer(1024));
    assertThat(IoBuffers.pooled()).isEqualTo(pooled - 1); // borrowed, not allocated
    two.close();
    assertThat(IoBuffers.pooled()).isEqualTo(pooled);
  }

  @Test
  void keepsEveryReturnedSetWhileThePoolHasRoomBeyondTheOld256() {
    int before = IoBuffers.pooled();
    IoBuffers[] lent = new IoBuffers[300];
    for (int i = 0; i < lent.length; i++) {
      lent[i] = IoBuffers.borrow();
    }
    int afterBorrowing = IoBuffers.pooled();
    for (IoBuffers buffers : lent) {
      IoBuffers.giveBack(buffers);
    }

    assertThat(afterBorrowing).isZero(); // the pooled sets were lent first, then new ones
    assertThat(IoBuffers.pooled()).isEqualTo(Math.max(before, 300));
    assertThat(IoBuffers.borrow()).isSameAs(lent[lent.length - 1]); // last returned, first lent
  }

  @Test
  void anIdleConnectionRetainsAFewHundredBytesInsteadOfItsBuffers() {
    HttpConnection connection = new Http1Protocol().open(Protocols.OPTIONS);
    HttpExchange exchange = Protocols.exchange("GET", server.uri("/fast"));
    connection.execute(exchange);
    assertThat(new String(exchange.responseBodyBytes(), 0, exchange.responseBodyLength(), StandardCharsets.UTF_8))
        .isNotEmpty();
    long busy = GraphLayout.parseInstance(connection).totalSize();

    connection.idle();
    long idle = GraphLayout.parseInstance(connection).totalSize();
    connection.close();

    assertThat(busy).isGreaterThan(IoBuffers.READ_BYTES); // the heap read buffer at least
    // the open socket and the client's own small state remain: far below one buffer
    assertThat(idle).isLessThan(IoBuffers.READ_BYTES / 4);
  }
}
