package org.perfgate.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a stored run was: which plan at which commit, where, and which trial of which group.
 *
 * @param project the project name (the git repository's directory name by default)
 * @param planName the plan's name
 * @param planHash SHA-256 (hex) of the plan's resolved content: runs of different plans never compare
 * @param gitSha the commit under test, when known
 * @param branch the branch, when known
 * @param tag a tag pointing at the commit, when any
 * @param time when the run started
 * @param environment where it ran
 * @param trialGroup id shared by the trials of one {@code --trials N} run (a single run is a group of one)
 * @param trial 1-based trial number within the group
 */
public record RunMetadata(
    String project,
    String planName,
    String planHash,
    Optional<String> gitSha,
    Optional<String> branch,
    Optional<String> tag,
    Instant time,
    EnvironmentFingerprint environment,
    String trialGroup,
    int trial) {
  public RunMetadata {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(planHash, "planHash");
    Objects.requireNonNull(gitSha, "gitSha");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(trialGroup, "trialGroup");
    if (trial < 1) {
      throw new IllegalArgumentException("trial must be >= 1, was " + trial);
    }
  }
}
