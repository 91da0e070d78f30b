package org.perfgate.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.perfgate.engine.spi.FailureReason;

/**
 * Maps the JDK's exceptions to {@link FailureReason}s, in one place for every client. The JDK
 * client wraps the socket's exception (a {@link ConnectException} may hold a
 * ClosedChannelException), so the whole cause chain is searched, outermost first.
 */
final class Failures {
  private Failures() {}

  /** The reason for {@code error} thrown while connecting. */
  static FailureReason ofConnect(Throwable error) {
    if (has(error, SocketTimeoutException.class)) {
      return FailureReason.CONNECT_TIMEOUT;
    }
    return ofExchange(error);
  }

  /** The reason for {@code error} thrown while sending a request or reading its response. */
  static FailureReason ofExchange(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      FailureReason reason = reasonOf(cause);
      if (reason != FailureReason.OTHER_IO_ERROR) {
        return reason;
      }
    }
    return FailureReason.OTHER_IO_ERROR;
  }

  /** A one-line description of {@code error} for the failure detail. */
  static String detail(Throwable error) {
    String message = error.getMessage();
    if (message == null && error.getCause() != null) {
      message = error.getCause().getMessage();
    }
    return message == null ? error.getClass().getSimpleName() : message;
  }

  private static FailureReason reasonOf(Throwable error) {
    if (error instanceof ResponseException own) {
      return own.reason();
    }
    if (error instanceof HttpConnectTimeoutException) {
      return FailureReason.CONNECT_TIMEOUT;
    }
    if (error instanceof HttpTimeoutException || error instanceof SocketTimeoutException) {
      return FailureReason.REQUEST_TIMEOUT;
    }
    if (error instanceof ConnectException) {
      return FailureReason.CONNECTION_REFUSED; // "Connection refused"; the JDK client connects in send()
    }
    if (error instanceof UnknownHostException || error instanceof UnresolvedAddressException) {
      return FailureReason.UNKNOWN_HOST;
    }
    if (error instanceof NoRouteToHostException) {
      return FailureReason.OTHER_IO_ERROR;
    }
    if (error instanceof EOFException || (error instanceof SocketException && isReset(error.getMessage()))) {
      return FailureReason.CONNECTION_RESET;
    }
    return FailureReason.OTHER_IO_ERROR;
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isReset(String message) {
    return message != null && (message.contains("reset") || message.contains("Broken pipe"));
  }
}
