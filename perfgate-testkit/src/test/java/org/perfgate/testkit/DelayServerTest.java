package org.perfgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DelayServerTest {
  private static final long MS = 1_000_000;

  @Test
  void answersEveryRequestOfAKeepAliveConnectionAfterTheDelay() throws IOException {
    try (DelayServer server = DelayServer.start(StallSchedule.fixed(20 * MS));
        Socket socket = new Socket(TargetServer.HOST, server.port())) {
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        String response = exchange(socket, "POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
        long elapsed = System.nanoTime() - start;
        assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("ok");
        assertThat(elapsed).isGreaterThanOrEqualTo(20 * MS);
      }
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void holdsRequestsThatArriveInAStallUntilItEnds() throws IOException, InterruptedException {
    // a 400 ms stall at the end of every 500 ms: a request sent in the first stall waits for its end
    StallSchedule schedule = new StallSchedule(5 * MS, 400 * MS, 500 * MS);
    try (DelayServer server = DelayServer.start(schedule);
        Socket socket = new Socket(TargetServer.HOST, server.port())) {
      Thread.sleep(Duration.ofNanos(Math.max(0, server.startNanos() + 150 * MS - System.nanoTime())));
      long sent = System.nanoTime() - server.startNanos();
      exchange(socket, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
      long answered = System.nanoTime() - server.startNanos();
      assertThat(schedule.stalled(sent)).as("sent at %d ms, inside the stall [100, 500) ms", sent / MS).isTrue();
      assertThat(answered).isGreaterThanOrEqualTo(505 * MS);
    }
  }

  @Test
  void recordsHowLateEachResponseWasSentUntilReset() throws IOException {
    try (DelayServer server = DelayServer.start(StallSchedule.fixed(2 * MS));
        Socket socket = new Socket(TargetServer.HOST, server.port())) {
      for (int i = 0; i < 3; i++) {
        exchange(socket, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
      }
      DelayServer.Timings timings = awaitSentCount(server, 3);
      assertThat(timings.woken().count()).isEqualTo(3);
      assertThat(timings.sent().maxNanos()).isGreaterThanOrEqualTo(timings.woken().maxNanos());

      server.resetTimings();
      assertThat(server.timings().sent().count()).isZero();
      exchange(socket, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
      assertThat(awaitSentCount(server, 1).woken().count()).isEqualTo(1);
    }
  }

  @Test
  void answersWithoutDelayOnTheConnectionsOwnThread() throws IOException {
    try (DelayServer server = DelayServer.start(StallSchedule.fixed(0));
        Socket socket = new Socket(TargetServer.HOST, server.port())) {
      assertThat(exchange(socket, "GET / HTTP/1.1\r\nHost: t\r\n\r\n")).endsWith("ok");
      assertThat(awaitSentCount(server, 1).sent().count()).isEqualTo(1);
    }
  }

  @Test
  void endsTheConnectionAfterAnsweringConnectionClose() throws IOException {
    try (DelayServer server = DelayServer.start(StallSchedule.fixed(5 * MS));
        Socket socket = new Socket(TargetServer.HOST, server.port())) {
      assertThat(exchange(socket, "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")).endsWith("ok");
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  /**
   * The server's timings once {@code count} responses are recorded: a response is recorded just after
   * its write returns, so the client may read it a moment before (waits up to 10 s, then returns
   * what there is and the assertion says what was missing).
   */
  private static DelayServer.Timings awaitSentCount(DelayServer server, long count) {
    long deadline = System.nanoTime() + 10_000 * MS;
    DelayServer.Timings timings = server.timings();
    while (timings.sent().count() < count && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
      timings = server.timings();
    }
    assertThat(timings.sent().count()).isEqualTo(count);
    return timings;
  }

  private static String exchange(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[256];
    int length = 0;
    String text = "";
    while (!text.endsWith("\r\n\r\nok")) {
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        throw new IOException("closed after: " + text);
      }
      length += n;
      text = new String(buffer, 0, length, StandardCharsets.US_ASCII);
    }
    return text;
  }
}
