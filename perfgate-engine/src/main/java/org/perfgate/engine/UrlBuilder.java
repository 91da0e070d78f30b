package org.perfgate.engine;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.perfgate.model.Template;

/** Builds a request URI from the rendered URL and URL-encoded query parameters. */
final class UrlBuilder {
  private UrlBuilder() {}

  /**
   * @throws IllegalArgumentException when the rendered text is not a valid URI
   */
  static URI build(String url, Map<String, Template> query, Function<String, String> lookup) {
    if (query.isEmpty()) {
      return URI.create(url);
    }
    StringBuilder text = new StringBuilder(url);
    char separator = url.indexOf('?') >= 0 ? '&' : '?';
    // sorted so the same plan always sends the same URL
    for (Map.Entry<String, Template> parameter : new TreeMap<>(query).entrySet()) {
      text.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue().render(lookup), StandardCharsets.UTF_8));
      separator = '&';
    }
    return URI.create(text.toString());
  }
}
