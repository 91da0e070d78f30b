package org.perfgate.demo;

import java.time.Duration;

/** The demo service's defaults; each one can be changed through {@link DemoService.Builder}. */
final class Defaults {
  /** How long a token from {@code /api/login} or {@code /api/refresh} is valid. */
  static final Duration TOKEN_TTL = Duration.ofSeconds(2);

  /** How long after expiry a token may still be exchanged at {@code /api/refresh}. */
  static final Duration REFRESH_GRACE = Duration.ofSeconds(10);

  /** The item store's capacity; creating more evicts the oldest items. */
  static final int MAX_ITEMS = 10_000;

  /** {@code /api/delay} without {@code ms}. */
  static final int DELAY_MILLIS = 50;

  /** The largest accepted {@code ms} of {@code /api/delay}. */
  static final int MAX_DELAY_MILLIS = 10_000;

  /** {@code GET /api/items} without {@code limit}, and the largest accepted limit. */
  static final int LIST_LIMIT = 100;

  static final int MAX_LIST_LIMIT = 1_000;

  /** The longest item name, in chars. */
  static final int MAX_NAME_LENGTH = 200;

  /** Request bodies larger than this get 413. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /** The only password {@code /api/login} accepts, for any user. */
  static final String PASSWORD = "secret";

  private Defaults() {}
}
