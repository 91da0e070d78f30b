package org.perfgate.ab;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.perfgate.model.Plan;
import org.perfgate.model.Scenario;
import org.perfgate.model.Step;
import org.perfgate.plan.AbConfig;

/** Chooses the request {@link Sut#measureFirstRequest} sends to a system that has just become ready. */
final class FirstRequest {
  private FirstRequest() {}

  /**
   * What {@link Sut#measureFirstRequest} asks: {@code ab.firstRequest}; else the first plan's first
   * GET whose URL is fixed (no {@code {{variable}}}), the request a user's first visit most likely
   * makes; else the readiness URL; else nothing (log-line readiness and no fixed GET).
   *
   * @param plan the first plan, loaded with this trial's {@code BASE_URL}
   * @param port the system under test's port
   */
  static Optional<URI> url(AbConfig config, Plan plan, int port) {
    Map<String, String> placeholders = Map.of("PORT", Integer.toString(port), "BASE_URL", "http://127.0.0.1:" + port);
    if (config.firstRequest().isPresent()) {
      return Optional.of(uri(Sut.fill(config.firstRequest().get(), placeholders), "ab.firstRequest"));
    }
    for (Scenario scenario : plan.scenarios()) {
      for (Step step : scenario.flow().steps()) {
        if (step instanceof Step.Request request && request.method().equals("GET") && request.url().isConstant()
            && request.query().isEmpty()) {
          return Optional.of(uri(request.url().render(name -> ""), plan.source()));
        }
      }
    }
    if (config.ready() instanceof AbConfig.Readiness.Http http) {
      return Optional.of(uri(Sut.fill(http.url(), placeholders), "ab.ready.http"));
    }
    return Optional.empty();
  }

  private static URI uri(String text, String where) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new AbException(where + ": not a URL: " + text);
    }
  }
}
