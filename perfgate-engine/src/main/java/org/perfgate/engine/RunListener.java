package org.perfgate.engine;

/** Receives the run's live status once per second, on the engine's ticker thread; must be quick. */
@FunctionalInterface
public interface RunListener {
  void onSecond(LiveStatus status);
}
