package org.perfgate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfgate.engine.spi.HttpExchange;
import org.perfgate.model.Check;
import org.perfgate.model.Extraction;
import org.perfgate.model.InvalidInputException;

/**
 * Checks and extractions compiled once per plan (JSONPath and regex compiled, expected JSON parsed)
 * and applied to responses. The body is parsed as JSON at most once per response, and only when a
 * check or extraction of that request needs it.
 */
final class ResponseInspector {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Configuration JSON = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
      .mappingProvider(new JacksonMappingProvider(MAPPER))
      .options(Option.SUPPRESS_EXCEPTIONS)
      .build();

  /** A compiled check. */
  record CompiledCheck(Check check, JsonPath path, JsonNode expected) {}

  /** A compiled extraction. */
  record CompiledExtraction(Extraction extraction, JsonPath path, Pattern regex) {}

  /** The lazily parsed JSON body of one response. */
  static final class Body {
    private final HttpExchange exchange;
    private DocumentContext json;
    private String text;

    Body(HttpExchange exchange) {
      this.exchange = exchange;
    }

    String text() {
      if (text == null) {
        text = exchange.responseBodyText();
      }
      return text;
    }

    Object read(JsonPath path) {
      if (json == null) {
        try {
          json = JsonPath.using(JSON).parse(text());
        } catch (RuntimeException notJson) {
          return null; // a body that is not JSON fails JSON checks; it is not an engine error
        }
      }
      return json.read(path);
    }
  }

  private ResponseInspector() {}

  static CompiledCheck compile(Check check, String where) {
    if (check instanceof Check.JsonPathEquals json) {
      try {
        return new CompiledCheck(check, JsonPath.compile(json.path()), MAPPER.readTree(json.expectedJson()));
      } catch (InvalidPathException e) {
        throw new InvalidInputException(where + ": invalid JSONPath '" + json.path() + "': " + e.getMessage());
      } catch (java.io.IOException e) {
        throw new InvalidInputException(
            where + ": expected value '" + json.expectedJson() + "' is not a JSON literal");
      }
    }
    if (check instanceof Check.JsonPathExists exists) {
      try {
        return new CompiledCheck(check, JsonPath.compile(exists.path()), null);
      } catch (InvalidPathException e) {
        throw new InvalidInputException(where + ": invalid JSONPath '" + exists.path() + "': " + e.getMessage());
      }
    }
    return new CompiledCheck(check, null, null);
  }

  static CompiledExtraction compile(Extraction extraction, String where) {
    try {
      return switch (extraction.source()) {
        case JSON_PATH -> new CompiledExtraction(extraction, JsonPath.compile(extraction.expression()), null);
        case REGEX -> new CompiledExtraction(extraction, null, Pattern.compile(extraction.expression()));
        case HEADER -> new CompiledExtraction(extraction, null, null);
      };
    } catch (InvalidPathException e) {
      throw new InvalidInputException(
          where + ": invalid JSONPath '" + extraction.expression() + "': " + e.getMessage());
    }
  }

  static boolean passes(CompiledCheck compiled, HttpExchange exchange, Body body) {
    return switch (compiled.check()) {
      case Check.Status status -> exchange.status() == status.status();
      case Check.Header header -> {
        String value = exchange.responseHeader(header.header());
        yield value != null && value.contains(header.contains());
      }
      case Check.BodyContains contains -> exchange.failure() == org.perfgate.engine.spi.FailureReason.NONE
          && body.text().contains(contains.text());
      case Check.JsonPathExists exists -> (body.read(compiled.path()) != null) == exists.exists();
      case Check.JsonPathEquals ignored -> {
        Object actual = body.read(compiled.path());
        yield actual != null && jsonEquals(MAPPER.valueToTree(actual), compiled.expected());
      }
    };
  }

  /** The extracted value, or null when the response does not have it. */
  static String extract(CompiledExtraction compiled, HttpExchange exchange, Body body) {
    return switch (compiled.extraction().source()) {
      case HEADER -> exchange.responseHeader(compiled.extraction().expression());
      case REGEX -> {
        Matcher matcher = compiled.regex().matcher(body.text());
        if (!matcher.find()) {
          yield null;
        }
        yield matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
      }
      case JSON_PATH -> {
        Object value = body.read(compiled.path());
        if (value == null) {
          yield null;
        }
        JsonNode node = MAPPER.valueToTree(value);
        yield node.isValueNode() ? node.asText() : node.toString();
      }
    };
  }

  private static boolean jsonEquals(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    return actual.equals(expected);
  }
}
