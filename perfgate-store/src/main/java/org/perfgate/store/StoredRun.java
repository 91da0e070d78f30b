package org.perfgate.store;

import java.util.Objects;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.RunResult;

/** A run as stored: its id, what it was, and everything it produced. */
public record StoredRun(String id, RunMetadata metadata, RunResult result) {
  public StoredRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(result, "result");
  }
}
