package org.perfgate.engine.spi;

/** Why a request got no HTTP response. Counted by reason in the run's failures. */
public enum FailureReason {
  NONE("none"),
  CONNECTION_REFUSED("connection refused"),
  CONNECT_TIMEOUT("connect timeout"),
  REQUEST_TIMEOUT("request timeout"),
  CONNECTION_RESET("connection reset"),
  PROTOCOL_ERROR("protocol error"),
  UNKNOWN_HOST("unknown host"),
  OTHER_IO_ERROR("i/o error");

  private final String label;

  FailureReason(String label) {
    this.label = label;
  }

  /** The text shown in summaries, e.g. {@code connection refused}. */
  public String label() {
    return label;
  }
}
