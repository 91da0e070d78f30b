package org.perfgate.ab;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves what users write for {@code --base} and {@code --head}: a branch, a tag, a SHA (or any
 * other git revision), {@code HEAD}, or {@code latest} — the newest release tag by semantic version
 * among the tags matching a {@code git tag --list} pattern (pre-release tags are skipped).
 */
final class Revisions {
  private final Git git;
  private final String tagPattern;

  Revisions(Git git, String tagPattern) {
    this.git = git;
    this.tagPattern = tagPattern;
  }

  Revision resolve(String ref) {
    if (ref.equals("latest")) {
      List<String> tags = git.tryRun("tag", "--list", tagPattern).map(text -> text.lines().toList()).orElse(List.of());
      String tag = newestRelease(tags).orElseThrow(() -> new AbException("'latest': no release tag matching '"
          + tagPattern + "' (such as v1.2.3) in " + git.directory() + "; tags found: " + tags));
      Revision tagged = resolve(tag);
      return new Revision(ref, tagged.sha(), tagged.branch(), Optional.of(tag));
    }
    if (ref.isBlank() || ref.startsWith("-")) {
      throw unknown(ref);
    }
    String sha = git.tryRun("rev-parse", "--verify", "--quiet", ref + "^{commit}").orElseThrow(() -> unknown(ref));
    Optional<String> branch = ref.equals("HEAD") ? git.tryRun("symbolic-ref", "--short", "-q", "HEAD")
        : git.tryRun("show-ref", "--verify", "--quiet", "refs/heads/" + ref).map(found -> ref);
    Optional<String> tag = git.tryRun("show-ref", "--verify", "--quiet", "refs/tags/" + ref).map(found -> ref)
        .or(() -> git.tryRun("describe", "--tags", "--exact-match", sha));
    return new Revision(ref, sha, branch, tag);
  }

  private AbException unknown(String ref) {
    return new AbException("unknown git revision '" + ref + "' in " + git.directory()
        + "; expected a branch, a tag, a commit SHA, HEAD or latest");
  }

  /** The tag with the highest release version; ties (v1.2 and v1.2.0) go to the later name. */
  static Optional<String> newestRelease(List<String> tags) {
    Map.Entry<String, SemanticVersion> best = null;
    Comparator<Map.Entry<String, SemanticVersion>> order =
        Map.Entry.<String, SemanticVersion>comparingByValue().thenComparing(Map.Entry.comparingByKey());
    for (String tag : tags) {
      Optional<SemanticVersion> version = SemanticVersion.parse(tag.strip());
      if (version.isPresent()) {
        Map.Entry<String, SemanticVersion> candidate = Map.entry(tag.strip(), version.get());
        if (best == null || order.compare(candidate, best) > 0) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best).map(Map.Entry::getKey);
  }
}
