package org.perfgate.ab;

import java.util.Objects;
import java.util.Optional;

/**
 * A git revision as the user named it and as it resolved.
 *
 * @param ref what the user wrote ({@code main}, {@code v1.2.0}, {@code latest}, a SHA, {@code HEAD})
 * @param sha the full commit SHA
 * @param branch the branch, when {@code ref} is one (or {@code HEAD} on a branch)
 * @param tag a tag naming the commit, when any
 */
public record Revision(String ref, String sha, Optional<String> branch, Optional<String> tag) {
  public Revision {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(tag, "tag");
  }

  /** The first 10 characters of the SHA, as people read them. */
  public String shortSha() {
    return sha.substring(0, Math.min(10, sha.length()));
  }

  /** {@code main (1a2b3c4d5e)}, or {@code latest = v1.2.0 (...)}. */
  public String describe() {
    String name = ref.equals("latest") && tag.isPresent() ? "latest = " + tag.get() : ref;
    return name + " (" + shortSha() + ")";
  }
}
