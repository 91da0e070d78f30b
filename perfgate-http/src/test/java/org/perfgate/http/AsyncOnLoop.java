package org.perfgate.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.perfgate.engine.EventLoop;
import org.perfgate.engine.spi.AsyncHttpConnection;
import org.perfgate.engine.spi.HttpClientOptions;
import org.perfgate.engine.spi.HttpConnection;
import org.perfgate.engine.spi.HttpExchange;

/**
 * A blocking face on a non-blocking connection, so that the tests of {@link HttpConnection} run
 * against {@link Http1AsyncConnection} too: its own real {@link EventLoop}, every call made on the
 * loop, {@link #execute} waiting for {@code done}.
 */
final class AsyncOnLoop implements HttpConnection {
  final EventLoop loop;
  final AsyncHttpConnection async;

  AsyncOnLoop(HttpClientOptions options) {
    loop = EventLoop.start("test-loop");
    async = onLoop(() -> new Http1Protocol().openAsync(options, loop));
  }

  @Override
  public void execute(HttpExchange exchange) {
    CountDownLatch done = new CountDownLatch(1);
    loop.execute(() -> async.execute(exchange, done::countDown));
    await(done);
  }

  @Override
  public void idle() {
    onLoop(() -> {
      async.idle();
      return null;
    });
  }

  @Override
  public void close() {
    onLoop(() -> {
      async.close();
      return null;
    });
    loop.close();
  }

  /** {@code task}'s result, computed on the loop. */
  <T> T onLoop(java.util.function.Supplier<T> task) {
    Object[] result = new Object[1];
    CountDownLatch ran = new CountDownLatch(1);
    loop.execute(() -> {
      result[0] = task.get();
      ran.countDown();
    });
    await(ran);
    @SuppressWarnings("unchecked")
    T typed = (T) result[0];
    return typed;
  }

  /** {@code query} of the connection, on the loop. */
  <T> T inspect(Function<Http1AsyncConnection, T> query) {
    return onLoop(() -> query.apply((Http1AsyncConnection) async));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the loop did not answer within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
