package org.perfgate.http;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.perfgate.engine.EventLoop;
import org.perfgate.engine.spi.AsyncHttpConnection;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.engine.spi.HttpProtocol;

/**
 * Closed-loop throughput and CPU cost of one client, for bench/http-clients/run.sh (not a test):
 * VUS virtual threads each send GET URL back to back over their own connection; after WARMUP
 * seconds (JIT), requests and process CPU time are counted for SECONDS. Prints {@code figure: value
 * unit} lines. Arguments: CLIENT URL VUS WARMUP SECONDS [LABEL], CLIENT one of http1, h2c, jdk,
 * h2c-shared (the JDK client shared by all VUs), http1-async (the non-blocking http1 client: VUS
 * connections on one {@link EventLoop}, each VU sending its next request from the previous one's
 * callback, as wrk's one thread); LABEL names the figures (default CLIENT).
 */
public final class ClientBenchmark {
  private static volatile boolean stopped;

  private ClientBenchmark() {}

  public static void main(String[] args) throws Exception {
    String client = args[0];
    URI uri = URI.create(args[1]);
    int vus = Integer.parseInt(args[2]);
    Duration warmup = Duration.ofMillis((long) (Double.parseDouble(args[3]) * 1000));
    Duration measured = Duration.ofMillis((long) (Double.parseDouble(args[4]) * 1000));
    String label = args.length > 5 ? args[5] : client;
    HttpClientOptions options = HttpClientOptions.DEFAULTS;
    HttpProtocol protocol = client.equals("h2c-shared")
        ? shared(options)
        : Protocols.named(client.equals("http1-async") ? "http1" : client);

    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    List<Thread> threads = new ArrayList<>(vus);
    EventLoop eventLoop = null;
    CountDownLatch asyncStopped = new CountDownLatch(vus);
    if (client.equals("http1-async")) {
      eventLoop = EventLoop.start("perfgate-loop");
      for (int i = 0; i < vus; i++) {
        asyncVu(eventLoop, options, uri, ok, failed, asyncStopped);
      }
    } else {
      for (int i = 0; i < vus; i++) {
        threads.add(Thread.ofVirtual().name("vu-" + i).start(() -> loop(protocol, options, uri, ok, failed)));
      }
    }
    Thread.sleep(warmup);
    long requestsBefore = ok.sum() + failed.sum();
    long cpuBefore = processCpuNanos();
    long before = System.nanoTime();
    Thread.sleep(measured);
    long requests = ok.sum() + failed.sum() - requestsBefore;
    long cpu = processCpuNanos() - cpuBefore;
    long elapsed = System.nanoTime() - before;
    stopped = true;
    for (Thread thread : threads) {
      thread.join();
    }
    if (eventLoop != null) {
      asyncStopped.await();
      eventLoop.close();
    }
    System.out.printf("%s requests/s: %.0f req/s%n", label, requests * 1e9 / elapsed);
    System.out.printf("%s requests per CPU-second: %.0f req/cpu-s%n", label, requests * 1e9 / cpu);
    System.out.printf("%s CPU used: %.2f cores%n", label, (double) cpu / elapsed);
    System.out.printf("%s failed requests: %d%n", label, failed.sum());
    System.out.printf("%s requests in total: %d%n", label, ok.sum() + failed.sum());
  }

  private static void loop(HttpProtocol protocol, HttpClientOptions options, URI uri, LongAdder ok, LongAdder failed) {
    try (HttpConnection connection = protocol.open(options)) {
      HttpExchange exchange = new HttpExchange();
      while (!stopped) {
        exchange.reset("GET", uri);
        connection.execute(exchange);
        if (exchange.failure() == FailureReason.NONE && exchange.status() == 200) {
          ok.increment();
        } else {
          failed.increment();
        }
      }
    }
  }

  /** One VU on {@code loop}: each done callback sends the next request until stopped. */
  private static void asyncVu(
      EventLoop loop, HttpClientOptions options, URI uri, LongAdder ok, LongAdder failed, CountDownLatch vuStopped) {
    loop.execute(() -> {
      AsyncHttpConnection connection = new Http1Protocol().openAsync(options, loop);
      HttpExchange exchange = new HttpExchange();
      Runnable[] next = new Runnable[1];
      next[0] = () -> {
        if (exchange.uri() != null) {
          if (exchange.failure() == FailureReason.NONE && exchange.status() == 200) {
            ok.increment();
          } else {
            failed.increment();
          }
        }
        if (stopped) {
          connection.close();
          vuStopped.countDown();
          return;
        }
        exchange.reset("GET", uri);
        connection.execute(exchange, next[0]);
      };
      next[0].run();
    });
  }

  /** h2c over one JDK client for all VUs: the client multiplexes them on one connection. */
  private static HttpProtocol shared(HttpClientOptions options) {
    HttpClient client = JdkHttpConnection.newClient(HttpClient.Version.HTTP_2, options);
    return new HttpProtocol() {
      @Override
      public String name() {
        return "h2c-shared";
      }

      @Override
      public HttpConnection open(HttpClientOptions ignored) {
        return new JdkHttpConnection(client, false, options);
      }
    };
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
