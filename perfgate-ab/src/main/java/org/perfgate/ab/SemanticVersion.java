package org.perfgate.ab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version read from a tag such as {@code v1.10.2} or {@code release-2.0}: any non-digit
 * prefix, then {@code MAJOR[.MINOR[.PATCH]]}. Tags with a pre-release or build suffix
 * ({@code v2.0.0-rc1}) are not releases and do not parse. Ordered numerically, so
 * {@code v1.10.0 > v1.9.0}.
 */
record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {
  private static final Pattern RELEASE = Pattern.compile("[^0-9]*([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?");

  /** The version of {@code tag}, or empty when it is not a release tag. */
  static Optional<SemanticVersion> parse(String tag) {
    Matcher matcher = RELEASE.matcher(tag);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SemanticVersion(Integer.parseInt(matcher.group(1)), part(matcher.group(2)),
          part(matcher.group(3))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  private static int part(String text) {
    return text == null ? 0 : Integer.parseInt(text);
  }

  @Override
  public int compareTo(SemanticVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }
}
