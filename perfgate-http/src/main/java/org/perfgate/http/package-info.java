/**
 * HTTP implementations of the engine's protocol SPI, found with {@link java.util.ServiceLoader}:
 * {@code http1} (perfgate's own HTTP/1.1 client, the default: blocking on virtual threads or
 * non-blocking on the engine's event loops, one response parser for both), {@code h2c} and {@code jdk}
 * (the JDK {@link java.net.http.HttpClient} over HTTP/2 cleartext and HTTP/1.1). Providers are
 * public because {@link java.util.ServiceLoader} needs them to be; everything else is
 * package-private. May use the engine SPI and the JDK only; this is one of the modules that opens
 * sockets to the target.
 */
package org.perfgate.http;
