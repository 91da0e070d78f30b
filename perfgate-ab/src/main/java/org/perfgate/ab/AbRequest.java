package org.perfgate.ab;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.perfgate.model.EnvironmentFingerprint;

/**
 * What to compare and how: everything {@code perfgate ab} takes from flags and the environment.
 *
 * @param projectDirectory the git repository (its {@code .perfgate/} holds worktrees, cache and logs;
 *     plan paths are relative to it, and the same plan file is used for both sides)
 * @param base the baseline revision as written ({@code main}, a tag, a SHA, {@code latest})
 * @param head the candidate revision as written ({@code HEAD}, a SHA)
 * @param skipBuild use cached builds only
 * @param seed seeds the trial order and the engine
 * @param env the environment for {@code ${VAR}} in plans and for the system under test
 * @param project the project name stored with each run
 * @param environment this machine, stored with each run
 * @param mode one side at a time, or both at once
 */
public record AbRequest(Path projectDirectory, String base, String head, boolean skipBuild, long seed,
    Map<String, String> env, String project, EnvironmentFingerprint environment, AbMode mode) {
  public AbRequest {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    env = Map.copyOf(env);
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(environment, "environment");
  }
}
