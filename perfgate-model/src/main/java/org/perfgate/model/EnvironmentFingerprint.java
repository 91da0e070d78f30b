package org.perfgate.model;

import java.util.Map;
import java.util.Objects;

/**
 * Where a run ran: comparing runs from different machines is comparing machines, so comparisons
 * warn (or refuse, when strict) when fingerprints differ.
 *
 * @param labels user-defined labels (e.g. {@code runner: ci-large}), part of the fingerprint
 */
public record EnvironmentFingerprint(
    String cpuModel, int cores, String os, String jdk, String perfgateVersion, Map<String, String> labels) {
  public EnvironmentFingerprint {
    Objects.requireNonNull(cpuModel, "cpuModel");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(jdk, "jdk");
    Objects.requireNonNull(perfgateVersion, "perfgateVersion");
    labels = Map.copyOf(labels);
  }

  /** True when the parts that change performance (CPU, cores, OS, JDK, labels) are the same. */
  public boolean comparableTo(EnvironmentFingerprint other) {
    return cpuModel.equals(other.cpuModel) && cores == other.cores && os.equals(other.os) && jdk.equals(other.jdk)
        && labels.equals(other.labels);
  }
}
