package org.perfgate.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short-lived bearer tokens: issued at login, valid for a TTL, exchangeable for a new one at
 * refresh until a grace period after expiry. Thread-safe.
 *
 * <p>Memory stays bounded on long runs: at most once per TTL, issuing a token first drops every
 * token past its refresh window, so the store holds about {@code login rate x (2 TTL + grace)}
 * tokens.
 */
final class TokenStore {
  /** What a presented token is worth. */
  enum Validity {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  /** A token as returned to the client. */
  record IssuedToken(String token, long expiresInMillis) {}

  private record Session(String user, long expiresAtMillis) {}

  private static final HexFormat HEX = HexFormat.of();

  private final InstantSource clock;
  private final long ttlMillis;
  private final long graceMillis;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong nextSweepAtMillis;

  TokenStore(InstantSource clock, Duration ttl, Duration refreshGrace) {
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.graceMillis = refreshGrace.toMillis();
    this.nextSweepAtMillis = new AtomicLong(clock.millis() + ttlMillis);
  }

  /** A new token for {@code user}, valid for the TTL from now. */
  IssuedToken issue(String user) {
    long now = clock.millis();
    sweepIfDue(now);
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = HEX.formatHex(bytes);
    sessions.put(token, new Session(user, now + ttlMillis));
    return new IssuedToken(token, ttlMillis);
  }

  Validity validity(String token) {
    Session session = sessions.get(token);
    if (session == null) {
      return Validity.UNKNOWN;
    }
    return clock.millis() < session.expiresAtMillis() ? Validity.VALID : Validity.EXPIRED;
  }

  /**
   * Revokes {@code token} and issues a new one for the same user, if {@code token} is valid or
   * expired less than the grace period ago; empty otherwise. A token refreshes at most once.
   */
  Optional<IssuedToken> refresh(String token) {
    // remove() first makes concurrent refreshes of one token race safely: only one gets the
    // session.
    Session session = sessions.remove(token);
    if (session == null || clock.millis() >= session.expiresAtMillis() + graceMillis) {
      return Optional.empty();
    }
    return Optional.of(issue(session.user()));
  }

  /** Tokens currently held, including expired ones not yet swept. */
  int size() {
    return sessions.size();
  }

  private void sweepIfDue(long now) {
    long due = nextSweepAtMillis.get();
    // One caller wins the CAS and sweeps; the others go on without waiting.
    if (now >= due && nextSweepAtMillis.compareAndSet(due, now + ttlMillis)) {
      sessions.values().removeIf(session -> now >= session.expiresAtMillis() + graceMillis);
    }
  }
}
