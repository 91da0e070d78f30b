/**
 * The built-in demo service behind {@code perfgate demo}: a tiny JSON API (fast and delayed
 * endpoints, short-lived bearer tokens, a bounded in-memory item store) on the JDK's {@code
 * com.sun.net.httpserver}, plus the bundled sample plan that exercises it. The entry point is
 * {@link org.perfgate.demo.DemoService}; everything else is package-private.
 *
 * <p>May use: the JDK only (no perfgate module, no library), so that the demo can be embedded
 * anywhere, including as a load target in tests.
 */
package org.perfgate.demo;
