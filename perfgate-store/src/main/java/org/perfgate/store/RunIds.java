package org.perfgate.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Run ids: {@code 20261124-031500-ab12}, the run's start in UTC to the second, then 4 random
 * characters of Crockford's base 32 (lower case, no i, l, o, u). They sort by start time, read well
 * in a terminal, and collide once in about a million runs started in the same second (a collision is
 * detected by the primary key and a new id drawn).
 */
final class RunIds {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final int RANDOM_CHARACTERS = 4;

  private final RandomGenerator random;

  RunIds(RandomGenerator random) {
    this.random = random;
  }

  String next(Instant started) {
    StringBuilder id = new StringBuilder(TIME.format(started)).append('-');
    for (int i = 0; i < RANDOM_CHARACTERS; i++) {
      id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
