package org.perfgate.engine.spi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request and its response, reused by a VU for every request it sends. Mutable on purpose:
 * it is on the hot path, and one instance per VU avoids allocating result objects per request.
 * Times are {@link System#nanoTime()} values.
 */
public final class HttpExchange {
  private static final byte[] NO_BODY = new byte[0];

  // request, set by the engine
  private String method = "GET";
  private URI uri;
  private final List<String> requestHeaders = new ArrayList<>(); // name, value, name, value...
  private byte[] requestBody = NO_BODY;

  // response and timings, set by the protocol
  private int status;
  private final List<String> responseHeaders = new ArrayList<>();
  private byte[] responseBody = NO_BODY;
  private int responseBodyLength;
  private long startNanos;
  private long endNanos;
  private long blockedNanos;
  private long connectingNanos;
  private long sendingNanos;
  private long waitingNanos;
  private long receivingNanos;
  private long bytesSent;
  private long bytesReceived;
  private FailureReason failure = FailureReason.NONE;
  private String failureDetail = "";

  /** Clears request and response for the next use. */
  public void reset(String method, URI uri) {
    this.method = method;
    this.uri = uri;
    requestHeaders.clear();
    requestBody = NO_BODY; // not a new array: reset() runs for every request
    status = 0;
    responseHeaders.clear();
    responseBodyLength = 0;
    startNanos = endNanos = 0;
    blockedNanos = connectingNanos = sendingNanos = waitingNanos = receivingNanos = 0;
    bytesSent = bytesReceived = 0;
    failure = FailureReason.NONE;
    failureDetail = "";
  }

  // ---- request ----

  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  public void addRequestHeader(String name, String value) {
    requestHeaders.add(name);
    requestHeaders.add(value);
  }

  /** Flattened pairs: name at even indexes, value at the following odd index. */
  public List<String> requestHeaders() {
    return requestHeaders;
  }

  public void requestBody(byte[] body) {
    this.requestBody = body;
  }

  public byte[] requestBody() {
    return requestBody;
  }

  // ---- response ----

  public int status() {
    return status;
  }

  public void status(int status) {
    this.status = status;
  }

  public void addResponseHeader(String name, String value) {
    responseHeaders.add(name);
    responseHeaders.add(value);
  }

  /** Flattened pairs as in {@link #requestHeaders()}. */
  public List<String> responseHeaders() {
    return responseHeaders;
  }

  /** The first response header named {@code name} (case-insensitive), or null. */
  public String responseHeader(String name) {
    for (int i = 0; i < responseHeaders.size(); i += 2) {
      if (responseHeaders.get(i).equalsIgnoreCase(name)) {
        return responseHeaders.get(i + 1);
      }
    }
    return null;
  }

  /** Sets the kept body: the first {@code length} bytes of {@code body}. */
  public void responseBody(byte[] body, int length) {
    this.responseBody = body;
    this.responseBodyLength = length;
  }

  public byte[] responseBodyBytes() {
    return responseBody;
  }

  public int responseBodyLength() {
    return responseBodyLength;
  }

  /** The kept body decoded as UTF-8 (allocates: call only when a check or extraction needs it). */
  public String responseBodyText() {
    return new String(responseBody, 0, responseBodyLength, StandardCharsets.UTF_8);
  }

  // ---- timings (nanoTime based) ----

  /** When sending began (after any connect). */
  public long startNanos() {
    return startNanos;
  }

  /** When the last response byte arrived, or the failure happened. */
  public long endNanos() {
    return endNanos;
  }

  public void times(long startNanos, long endNanos) {
    this.startNanos = startNanos;
    this.endNanos = endNanos;
  }

  /** Sets k6's phases: blocked (waiting for a connection slot), connecting, sending, waiting, receiving. */
  public void phases(long blocked, long connecting, long sending, long waiting, long receiving) {
    this.blockedNanos = blocked;
    this.connectingNanos = connecting;
    this.sendingNanos = sending;
    this.waitingNanos = waiting;
    this.receivingNanos = receiving;
  }

  public long blockedNanos() {
    return blockedNanos;
  }

  public long connectingNanos() {
    return connectingNanos;
  }

  public long sendingNanos() {
    return sendingNanos;
  }

  public long waitingNanos() {
    return waitingNanos;
  }

  public long receivingNanos() {
    return receivingNanos;
  }

  public void bytes(long sent, long received) {
    this.bytesSent = sent;
    this.bytesReceived = received;
  }

  /** Bytes written to the socket for this request, headers included. */
  public long bytesSent() {
    return bytesSent;
  }

  /** Bytes read from the socket for this response, headers included. */
  public long bytesReceived() {
    return bytesReceived;
  }

  public void fail(FailureReason reason, String detail) {
    this.failure = reason;
    this.failureDetail = detail;
  }

  public FailureReason failure() {
    return failure;
  }

  public String failureDetail() {
    return failureDetail;
  }
}
