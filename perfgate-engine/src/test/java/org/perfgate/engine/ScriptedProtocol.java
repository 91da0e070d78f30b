package org.perfgate.engine;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.engine.spi.HttpProtocol;

/**
 * A protocol double at the SPI boundary: answers each request with a script instead of a socket,
 * so engine behaviour (scheduling, dropping, aborting, checks) is tested without network noise.
 * Real-socket end-to-end runs live in perfgate-cli's tests.
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

  ScriptedProtocol(Script script) {
    this(script, exchange -> {});
  }

  ScriptedProtocol(Script script, Consumer<HttpExchange> observer) {
    this.script = script;
    this.observer = observer;
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
