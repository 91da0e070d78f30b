package org.perfgate.engine;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.perfgate.engine.spi.AsyncHttpConnection;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.engine.spi.HttpProtocol;
import org.perfgate.engine.spi.IoLoop;
import org.perfgate.engine.spi.IoTimer;

/**
 * A protocol double at the SPI boundary: answers each request with a script instead of a socket,
 * so engine behaviour (scheduling, dropping, aborting, checks) is tested without network noise.
 * Real-socket end-to-end runs live in perfgate-cli's tests. {@link #nonBlocking} ones answer on the
 * engine's event loops (a delay is a loop timer, no delay answers within {@code execute}), the
 * others on the VU's virtual thread.
 */
final class ScriptedProtocol implements HttpProtocol {
  /** What a scripted server does with one request. */
  interface Script {
    Reply reply(HttpExchange request) throws InterruptedException;
  }

  /** A scripted answer; {@code status 0} with a reason is a network failure. */
  record Reply(int status, String body, long delayMillis, FailureReason failure) {
    static Reply ok(String body) {
      return new Reply(200, body, 0, FailureReason.NONE);
    }

    static Reply status(int status) {
      return new Reply(status, "", 0, FailureReason.NONE);
    }

    static Reply refused() {
      return new Reply(0, "", 0, FailureReason.CONNECTION_REFUSED);
    }

    Reply after(long millis) {
      return new Reply(status, body, millis, failure);
    }
  }

  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  /** When ({@code nanoTime}) a scripted delay was last cut short by an interrupt. */
  final AtomicLong interruptedNanos = new AtomicLong();
  private final Script script;
  private final Consumer<HttpExchange> observer;
  private final boolean nonBlocking;

  ScriptedProtocol(Script script) {
    this(script, exchange -> {});
  }

  ScriptedProtocol(Script script, Consumer<HttpExchange> observer) {
    this(script, observer, false);
  }

  ScriptedProtocol(Script script, Consumer<HttpExchange> observer, boolean nonBlocking) {
    this.script = script;
    this.observer = observer;
    this.nonBlocking = nonBlocking;
  }

  @Override
  public boolean nonBlocking() {
    return nonBlocking;
  }

  @Override
  public AsyncHttpConnection openAsync(HttpClientOptions options, IoLoop loop) {
    opened.incrementAndGet();
    return new AsyncHttpConnection() {
      private final IoTimer timer = loop.timer(this::answer);
      private HttpExchange pending;
      private Reply reply;
      private Runnable done;
      private long start;

      @Override
      public void execute(HttpExchange exchange, Runnable done) {
        start = System.nanoTime();
        requests.incrementAndGet();
        observer.accept(exchange);
        try {
          reply = script.reply(exchange);
        } catch (InterruptedException e) {
          throw new IllegalStateException("scripts of non-blocking protocols must not block", e);
        }
        pending = exchange;
        this.done = done;
        if (reply.delayMillis() > 0) {
          timer.arm(start + reply.delayMillis() * 1_000_000);
        } else {
          answer();
        }
      }

      private void answer() {
        HttpExchange exchange = pending;
        pending = null;
        fill(exchange, reply, start);
        done.run();
      }

      @Override
      public void close() {
        if (pending != null) {
          interruptedNanos.set(System.nanoTime());
          timer.cancel();
          pending = null;
        }
      }
    };
  }

  private static void fill(HttpExchange exchange, Reply reply, long start) {
    long end = System.nanoTime();
    exchange.times(start, end);
    exchange.phases(0, 0, 0, end - start, 0);
    if (reply.failure() != FailureReason.NONE) {
      exchange.fail(reply.failure(), "scripted");
      return;
    }
    exchange.status(reply.status());
    exchange.addResponseHeader("Content-Type", "application/json");
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.responseBody(body, body.length);
    exchange.bytes(100, 100 + body.length);
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public HttpConnection open(HttpClientOptions options) {
    opened.incrementAndGet();
    return new HttpConnection() {
      @Override
      public void execute(HttpExchange exchange) {
        long start = System.nanoTime();
        requests.incrementAndGet();
        observer.accept(exchange);
        try {
          Reply reply = script.reply(exchange);
          if (reply.delayMillis() > 0) {
            Thread.sleep(reply.delayMillis());
          }
          fill(exchange, reply, start);
        } catch (InterruptedException e) {
          interruptedNanos.set(System.nanoTime());
          Thread.currentThread().interrupt();
          exchange.fail(FailureReason.OTHER_IO_ERROR, "interrupted");
        }
      }

      @Override
      public void close() {}
    };
  }
}
