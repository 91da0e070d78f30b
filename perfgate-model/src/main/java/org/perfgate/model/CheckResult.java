package org.perfgate.model;

import java.util.Objects;

/** How often one named check passed and failed, in one scenario. */
public record CheckResult(String scenario, String name, long passes, long fails) {
  public CheckResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(name, "name");
  }
}
