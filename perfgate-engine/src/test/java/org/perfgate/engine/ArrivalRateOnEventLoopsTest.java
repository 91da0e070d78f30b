package org.perfgate.engine;

/** Every {@link ArrivalRateRunnerTest} again, with a non-blocking protocol: VUs on event loops. */
class ArrivalRateOnEventLoopsTest extends ArrivalRateRunnerTest {
  @Override
  boolean nonBlocking() {
    return true;
  }
}
