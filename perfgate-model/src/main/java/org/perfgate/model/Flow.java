package org.perfgate.model;

import java.util.List;

/** What one iteration does: steps run in order by one VU. */
public record Flow(List<Step> steps) {
  public Flow {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a flow needs at least one step");
    }
  }
}
