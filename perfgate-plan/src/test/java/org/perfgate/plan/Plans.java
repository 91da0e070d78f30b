package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.Plan;

/** Test helpers: parse plan text as {@code plan.yaml} and capture the error it raises. */
final class Plans {
  static final Map<String, String> ENV = Map.of("BASE_URL", "http://target:8080", "EMPTY", "");

  private Plans() {}

  static Plan parse(String yaml) {
    return PlanLoader.parse(yaml, "plan.yaml", ENV);
  }

  /** The message of the error {@code yaml} raises, after checking it is located and starts with its location. */
  static String errorOf(String yaml) {
    return errorOf(yaml, ENV);
  }

  static String errorOf(String yaml, Map<String, String> env) {
    InvalidInputException error =
        catchThrowableOfType(InvalidInputException.class, () -> PlanLoader.parse(yaml, "plan.yaml", env));
    assertThat(error).as("parsing should fail:%n%s", yaml).isNotNull();
    assertThat(error.location()).isPresent();
    assertThat(error.getMessage()).startsWith(error.location().orElseThrow() + ": ");
    assertThat(error.getCause()).isNull();
    return error.getMessage();
  }

  /** A plan whose only scenario runs {@code flow} (YAML list items indented by 8). */
  static String withFlow(String flow) {
    return """
        options:
          scenarios:
            s:
              executor: per-vu-iterations
              flow:
        """ + flow;
  }
}
