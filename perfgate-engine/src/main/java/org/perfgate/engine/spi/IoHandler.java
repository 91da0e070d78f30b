package org.perfgate.engine.spi;

/** Called on the {@link IoLoop} when a registered channel is ready. */
@FunctionalInterface
public interface IoHandler {
  /** {@code readyOps}: the {@link java.nio.channels.SelectionKey} operations that are ready. */
  void ready(int readyOps);
}
