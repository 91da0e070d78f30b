import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Throwaway prototype for bench/engine-models/run.sh, not shipped: the same closed-model load
 * (N keep-alive connections, GET, Content-Length responses, every latency recorded into an
 * HdrHistogram) driven several ways, to choose the engine's threading model by measurement:
 *
 * <ul>
 *   <li>{@code vthreads}: one virtual thread per connection, blocking SocketChannel reads and writes
 *       (perfgate's model: the JDK parks the virtual thread and its poller wakes it), recording into
 *       a multi-writer {@link Recorder} as perfgate's metrics do;
 *   <li>{@code nio}: one platform thread, one Selector, every connection registered for reads once
 *       (wrk's model), recording into a plain single-writer {@link Histogram};
 *   <li>{@code netty}, {@code netty-nio}, {@code netty-codec}: one Netty event loop thread (native
 *       epoll, Netty's NIO transport, epoll with Netty's HTTP codec), in {@link NettyLoop}.
 * </ul>
 *
 * Prints requests, requests per second and requests per process CPU-second over the measured
 * window (after WARMUP seconds; start-up and JIT warm-up excluded for both).
 *
 * <p>Usage: {@code java -cp HdrHistogram.jar:netty/*:classes ClosedLoop MODE HOST PORT PATH CONNECTIONS
 * WARMUP SECONDS}, compiled with NettyLoop.java by run.sh (the Netty jars are needed by every
 * mode's compilation, not by the vthreads and nio modes' runs).
 */
public final class ClosedLoop {
  private static final int BUFFER = 16 * 1024;

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    InetSocketAddress address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
    byte[] request = ("GET " + args[3] + " HTTP/1.1\r\nHost: " + args[1] + ":" + args[2] + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    int connections = Integer.parseInt(args[4]);
    long warmupNanos = Long.parseLong(args[5]) * 1_000_000_000L;
    long windowNanos = Long.parseLong(args[6]) * 1_000_000_000L;
    long start = System.nanoTime();
    Window window = new Window(start + warmupNanos, start + warmupNanos + windowNanos);
    switch (mode) {
      case "vthreads" -> vthreads(address, request, connections, window);
      case "nio" -> nio(address, request, connections, window);
      case "netty", "netty-nio", "netty-codec" -> NettyLoop.run(mode, address, args[3], request, connections, window);
      default -> throw new IllegalArgumentException("mode: vthreads, nio, netty, netty-nio or netty-codec");
    }
    double seconds = windowNanos / 1e9;
    double cpu = window.cpuNanos / 1e9;
    System.out.printf("%s requests: %d%n", mode, window.requests.sum());
    System.out.printf("%s requests/s: %.0f req/s%n", mode, window.requests.sum() / seconds);
    System.out.printf("%s requests per CPU-second: %.0f req/cpu-s%n", mode, window.requests.sum() / cpu);
    System.out.printf("%s latency p50: %.3f ms%n", mode, window.p50Micros / 1000.0);
    System.out.printf("%s JIT compilation in the window: %d ms%n", mode, window.compileMillis);
  }

  /** The measured window: counts requests completed within it and the process CPU it took. */
  static final class Window {
    final long from;
    final long to;
    final LongAdder requests = new LongAdder();
    private volatile long cpuAtStart = -1;
    private volatile long compileMillisAtStart;
    long cpuNanos;
    long compileMillis;
    long p50Micros;

    Window(long from, long to) {
      this.from = from;
      this.to = to;
    }

    /** At the window's start, on the thread that drives the load (or a timer for vthreads). */
    void start() {
      compileMillisAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      cpuAtStart = processCpu();
    }

    /**
     * At the window's end. The JIT's compilation time within the window is printed beside the
     * figures: compiler threads share the generator's core, so a model whose warm-up (in wall
     * time) was too short on a starved core pays its JIT inside the window.
     */
    void stop() {
      cpuNanos = processCpu() - cpuAtStart;
      compileMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileMillisAtStart;
    }

    static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
  }

  // ---- virtual threads: perfgate's model ----

  static void vthreads(InetSocketAddress address, byte[] request, int connections, Window window) throws Exception {
    Recorder recorder = new Recorder(3);
    List<Thread> threads = new ArrayList<>();
    Thread.ofPlatform().daemon().start(() -> {
      sleepUntil(window.from);
      window.start();
      recorder.reset();
    });
    for (int i = 0; i < connections; i++) {
      threads.add(Thread.ofVirtual().start(() -> {
        try (SocketChannel channel = SocketChannel.open(address)) {
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          ByteBuffer out = ByteBuffer.allocateDirect(request.length);
          ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
          Response response = new Response();
          while (true) {
            long begin = System.nanoTime();
            if (begin >= window.to) {
              return;
            }
            out.clear();
            out.put(request).flip();
            while (out.hasRemaining()) {
              channel.write(out);
            }
            response.reset();
            in.clear();
            while (!response.complete()) {
              if (channel.read(in) < 0) {
                throw new IOException("closed");
              }
              in.flip();
              response.parse(in);
              in.compact();
            }
            long end = System.nanoTime();
            recorder.recordValue((end - begin) / 1000);
            if (end >= window.from && end < window.to) {
              window.requests.increment();
            }
          }
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    window.stop();
    window.p50Micros = recorder.getIntervalHistogram().getValueAtPercentile(50);
  }

  // ---- one selector thread: wrk's model ----

  static void nio(InetSocketAddress address, byte[] request, int connections, Window window) throws Exception {
    Histogram histogram = new Histogram(3);
    Selector selector = Selector.open();
    ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
    ByteBuffer out = ByteBuffer.allocateDirect(request.length);
    for (int i = 0; i < connections; i++) {
      SocketChannel channel = SocketChannel.open(address);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      Connection connection = new Connection(channel);
      channel.register(selector, SelectionKey.OP_READ, connection);
      connection.send(out, request);
    }
    boolean counting = false;
    while (true) {
      long now = System.nanoTime();
      if (!counting && now >= window.from) {
        counting = true;
        window.start();
        histogram.reset();
      }
      if (now >= window.to) {
        break;
      }
      selector.select(key -> {
        Connection connection = (Connection) key.attachment();
        try {
          while (true) {
            in.clear();
            int count = connection.channel.read(in);
            if (count < 0) {
              throw new IOException("closed");
            }
            if (count == 0) {
              return;
            }
            in.flip();
            connection.response.parse(in);
            if (connection.response.complete()) {
              long end = System.nanoTime();
              histogram.recordValue((end - connection.sentNanos) / 1000);
              if (end >= window.from && end < window.to) {
                window.requests.increment();
              }
              connection.send(out, request);
              return; // the next response is not there yet: back to the selector
            }
          }
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      }, 100);
    }
    window.stop();
    window.p50Micros = histogram.getValueAtPercentile(50);
  }

  static final class Connection {
    final SocketChannel channel;
    final Response response = new Response();
    long sentNanos;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void send(ByteBuffer out, byte[] request) throws IOException {
      response.reset();
      sentNanos = System.nanoTime();
      out.clear();
      out.put(request).flip();
      while (out.hasRemaining()) {
        channel.write(out);
      }
    }
  }

  /** A minimal incremental parser: headers up to the empty line, Content-Length body bytes. */
  static final class Response {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private int lineMatch;
    private boolean inLength;
    private long contentLength;
    private boolean headersDone;
    private long bodyLeft;
    private boolean atLineStart = true;

    void reset() {
      lineMatch = 0;
      inLength = false;
      contentLength = 0;
      headersDone = false;
      bodyLeft = 0;
      atLineStart = true;
    }

    boolean complete() {
      return headersDone && bodyLeft == 0;
    }

    void parse(ByteBuffer in) {
      while (in.hasRemaining()) {
        if (headersDone) {
          int skip = bodyToSkip(in.remaining());
          in.position(in.position() + skip);
          return;
        }
        header(in.get());
      }
    }

    boolean headersDone() {
      return headersDone;
    }

    /** How many of {@code available} bytes belong to the body, now consumed. */
    int bodyToSkip(int available) {
      int skip = (int) Math.min(bodyLeft, available);
      bodyLeft -= skip;
      return skip;
    }

    /**
     * Feeds one byte of the headers; returns false once it was the end of the empty line (the
     * shape of Netty's {@code ByteProcessor}, so the netty modes scan with {@code forEachByte}).
     */
    boolean header(byte b) {
      if (b == '\n') {
        if (atLineStart) { // an empty line ends the headers
          headersDone = true;
          bodyLeft = contentLength;
          return false;
        }
        atLineStart = true;
        inLength = false;
        lineMatch = 0;
        return true;
      }
      if (b == '\r') {
        return true;
      }
      if (atLineStart) {
        atLineStart = false;
        lineMatch = 0;
      }
      if (inLength) {
        if (b >= '0' && b <= '9') {
          contentLength = contentLength * 10 + (b - '0');
        }
      } else if (lineMatch >= 0) {
        byte lower = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        if (lower == CONTENT_LENGTH[lineMatch]) {
          lineMatch++;
          if (lineMatch == CONTENT_LENGTH.length) {
            inLength = true;
            lineMatch = -1;
          }
        } else {
          lineMatch = -1;
        }
      }
      return true;
    }
  }

  static void sleepUntil(long nanos) {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
