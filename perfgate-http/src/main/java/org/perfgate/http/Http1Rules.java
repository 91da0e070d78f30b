package org.perfgate.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;

/** What the blocking and the non-blocking HTTP/1.1 clients decide alike. */
final class Http1Rules {
  private Http1Rules() {}

  /** Why {@code uri} cannot be sent by http1 (a {@code PROTOCOL_ERROR} detail), or null. */
  static String unusable(URI uri) {
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme)) {
      return "https".equalsIgnoreCase(scheme)
          ? "https not supported yet by http1: use an http:// URL"
          : "unsupported URL scheme in " + uri;
    }
    return uri.getHost() == null ? "no host in " + uri : null;
  }

  /** The port of an http URI: 80 when it names none. */
  static int port(URI uri) {
    return uri.getPort() < 0 ? 80 : uri.getPort();
  }

  /** Resolves {@code host} (an IPv6 literal in brackets too); blocks for a DNS lookup. */
  static InetSocketAddress resolve(String host, int port) throws UnknownHostException {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetSocketAddress resolved = new InetSocketAddress(name, port);
    if (resolved.isUnresolved()) {
      throw new UnknownHostException(name);
    }
    return resolved;
  }

  /** RFC 9110 9.2.2: repeating these requests has the same effect as sending them once. */
  static boolean isIdempotent(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  static void closeQuietly(SocketChannel toClose) {
    try {
      toClose.close();
    } catch (IOException e) {
      // Closing a socket can only fail on a connection that is already broken: nothing to do.
    }
  }
}
