/**
 * Test fixtures shared by every module's tests: {@link org.perfgate.testkit.TargetServer}, a real
 * HTTP/1.1 + h2c server on 127.0.0.1 with scriptable endpoints and request counters. Test scope
 * only; may use the model, Jetty, JUnit and AssertJ.
 */
package org.perfgate.testkit;
