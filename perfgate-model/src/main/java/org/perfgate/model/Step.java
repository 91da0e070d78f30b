package org.perfgate.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One step of a {@link Flow}. */
public sealed interface Step {

  /**
   * An HTTP request.
   *
   * @param name the {@code name} tag of its samples (defaults to the URL as written)
   * @param url absolute http:// URL template
   * @param query query parameters appended to the URL, URL-encoded at run time
   * @param body request body, if any
   * @param checks evaluated on the response; each feeds the {@code checks} rate metric
   * @param extracts values taken from the response into variables for later steps
   * @param tags extra tags on this request's samples
   * @param expectedStatuses statuses that count as success for {@code http_req_failed} (k6: 200-399)
   */
  record Request(
      String name,
      String method,
      Template url,
      Map<String, Template> headers,
      Map<String, Template> query,
      Optional<Body> body,
      List<Check> checks,
      List<Extraction> extracts,
      Map<String, String> tags,
      StatusRange expectedStatuses)
      implements Step {
    public Request {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(url, "url");
      headers = Map.copyOf(headers);
      query = Map.copyOf(query);
      Objects.requireNonNull(body, "body");
      checks = List.copyOf(checks);
      extracts = List.copyOf(extracts);
      tags = Map.copyOf(tags);
      Objects.requireNonNull(expectedStatuses, "expectedStatuses");
    }
  }

  /** Think time: a fixed pause when {@code min == max}, else uniform in [min, max]. */
  record Sleep(Duration min, Duration max) implements Step {
    public Sleep {
      Durations.requireNonNegative(min, "min");
      Durations.requireNonNegative(max, "max");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("max must be >= min");
      }
    }
  }

  /**
   * A request body.
   *
   * @param contentType sent as Content-Type unless the request sets one
   * @param content the body text; for JSON, variables are rendered JSON-escaped
   * @param json true when {@code content} is JSON
   */
  record Body(String contentType, Template content, boolean json) {
    public Body {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }
  }

  /** An inclusive range of HTTP status codes. */
  record StatusRange(int from, int to) {
    public static final StatusRange K6_DEFAULT = new StatusRange(200, 399);

    public boolean contains(int status) {
      return status >= from && status <= to;
    }
  }
}
