/**
 * Test fixtures shared by every module's tests: {@link org.perfgate.testkit.TargetServer}, a real
 * HTTP/1.1 + h2c server on 127.0.0.1 with scriptable endpoints and request counters, and {@link
 * org.perfgate.testkit.DelayServer}, an HTTP/1.1 server of known latency (a fixed delay, full stalls
 * on a {@link org.perfgate.testkit.StallSchedule}) that the latency benchmarks also start as a
 * process. Test scope only; may use the model, Jetty, JUnit and AssertJ (the DelayServer uses the
 * JDK alone).
 */
package org.perfgate.testkit;
