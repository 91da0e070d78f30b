package org.perfgate.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.perfgate.engine.spi.FailureReason;

/** Maps the JDK's exceptions to {@link FailureReason}s, in one place for every client. */
final class Failures {
  private Failures() {}

  /** The reason for {@code error} thrown while connecting. */
  static FailureReason ofConnect(Throwable error) {
    Throwable cause = rootCause(error);
    if (error instanceof HttpConnectTimeoutException || cause instanceof SocketTimeoutException) {
      return FailureReason.CONNECT_TIMEOUT;
    }
    if (cause instanceof ConnectException && !(cause instanceof NoRouteToHostException)) {
      return FailureReason.CONNECTION_REFUSED;
    }
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      return FailureReason.UNKNOWN_HOST;
    }
    return ofExchange(error);
  }

  /** The reason for {@code error} thrown while sending a request or reading its response. */
  static FailureReason ofExchange(Throwable error) {
    if (error instanceof ResponseException own) {
      return own.reason();
    }
    if (error instanceof HttpConnectTimeoutException) {
      return FailureReason.CONNECT_TIMEOUT;
    }
    if (error instanceof HttpTimeoutException) {
      return FailureReason.REQUEST_TIMEOUT;
    }
    Throwable cause = rootCause(error);
    if (cause instanceof SocketTimeoutException) {
      return FailureReason.REQUEST_TIMEOUT;
    }
    if (cause instanceof ConnectException && !(cause instanceof NoRouteToHostException)) {
      return FailureReason.CONNECTION_REFUSED; // the JDK client connects inside send()
    }
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      return FailureReason.UNKNOWN_HOST;
    }
    if (cause instanceof SocketException && isReset(cause.getMessage())) {
      return FailureReason.CONNECTION_RESET;
    }
    if (cause instanceof java.io.EOFException) {
      return FailureReason.CONNECTION_RESET;
    }
    return FailureReason.OTHER_IO_ERROR;
  }

  /** A one-line description of {@code error} for the failure detail. */
  static String detail(Throwable error) {
    Throwable cause = rootCause(error);
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  private static boolean isReset(String message) {
    return message != null
        && (message.contains("reset") || message.contains("Broken pipe") || message.contains("closed"));
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
