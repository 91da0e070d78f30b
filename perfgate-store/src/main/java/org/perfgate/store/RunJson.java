package org.perfgate.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.RunMetadata;

/**
 * The JSON of export lines and spool files: {@code {"id", "metadata", "result"}}, where {@code
 * result} is the codec's own JSON, embedded as is (or {@code resultBase64} for a codec whose bytes are
 * not a JSON object). Field order is fixed, so output is stable.
 */
final class RunJson {
  /** Ids from this store or another perfgate's: short, no spaces or path separators. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
  // Numbers are kept as exact decimals so that re-serializing the codec's JSON loses no digit.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /** One run read back from a line: its id, metadata and the codec's bytes. */
  record Line(String id, RunMetadata metadata, byte[] codecBytes) {}

  private RunJson() {}

  static String labelsJson(Map<String, String> labels) {
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  static Map<String, String> labels(String json) {
    try {
      Map<String, String> labels = new TreeMap<>();
      MAPPER.readTree(json).properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
      return labels;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("stored labels are not JSON: " + e.getOriginalMessage());
    }
  }

  /** One line, without the trailing newline. */
  static byte[] line(String id, RunMetadata metadata, byte[] codecBytes) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("id", id);
    line.set("metadata", metadata(metadata));
    Optional<JsonNode> result = asJsonObject(codecBytes);
    if (result.isPresent()) {
      line.set("result", result.get());
    } else {
      line.put("resultBase64", Base64.getEncoder().encodeToString(codecBytes));
    }
    try {
      return MAPPER.writeValueAsBytes(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes is always JSON", e);
    }
  }

  /**
   * Parses one line.
   *
   * @throws InvalidInputException the line is not an exported run; {@code where} starts the message
   */
  static Line parse(String where, String text) {
    JsonNode line;
    try {
      line = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidInputException(where + ": not JSON: " + e.getOriginalMessage());
    }
    if (line == null || !line.isObject()) {
      throw new InvalidInputException(where + ": expected a JSON object {\"id\", \"metadata\", \"result\"}");
    }
    String id = text(where, line, "id");
    if (!ID.matcher(id).matches()) {
      throw new InvalidInputException(where + ": invalid run id '" + id + "'");
    }
    try {
      RunMetadata metadata = metadata(where, line.path("metadata"));
      byte[] bytes;
      if (line.hasNonNull("result")) {
        bytes = MAPPER.writeValueAsBytes(line.get("result"));
      } else if (line.hasNonNull("resultBase64")) {
        bytes = Base64.getDecoder().decode(line.get("resultBase64").asText());
      } else {
        throw new InvalidInputException(where + ": missing \"result\"");
      }
      return new Line(id, metadata, bytes);
    } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidInputException(where + ": " + e.getMessage());
    }
  }

  private static ObjectNode metadata(RunMetadata metadata) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("project", metadata.project());
    node.put("planName", metadata.planName());
    node.put("planHash", metadata.planHash());
    metadata.gitSha().ifPresent(value -> node.put("gitSha", value));
    metadata.branch().ifPresent(value -> node.put("branch", value));
    metadata.tag().ifPresent(value -> node.put("tag", value));
    node.put("time", metadata.time().toString());
    EnvironmentFingerprint environment = metadata.environment();
    ObjectNode env = node.putObject("environment");
    env.put("cpuModel", environment.cpuModel());
    env.put("cores", environment.cores());
    env.put("os", environment.os());
    env.put("jdk", environment.jdk());
    env.put("perfgateVersion", environment.perfgateVersion());
    ObjectNode labels = env.putObject("labels");
    new TreeMap<>(environment.labels()).forEach(labels::put);
    node.put("trialGroup", metadata.trialGroup());
    node.put("trial", metadata.trial());
    return node;
  }

  private static RunMetadata metadata(String where, JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidInputException(where + ": missing \"metadata\" object");
    }
    JsonNode env = node.path("environment");
    if (!env.isObject()) {
      throw new InvalidInputException(where + ": missing \"metadata.environment\" object");
    }
    Map<String, String> labels = new TreeMap<>();
    env.path("labels").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
    EnvironmentFingerprint environment = new EnvironmentFingerprint(text(where, env, "cpuModel"),
        number(where, env, "cores"), text(where, env, "os"), text(where, env, "jdk"),
        text(where, env, "perfgateVersion"), labels);
    return new RunMetadata(text(where, node, "project"), text(where, node, "planName"), text(where, node, "planHash"),
        optional(node, "gitSha"), optional(node, "branch"), optional(node, "tag"),
        Instant.parse(text(where, node, "time")), environment, text(where, node, "trialGroup"),
        number(where, node, "trial"));
  }

  private static Optional<JsonNode> asJsonObject(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty(); // Not JSON: exported as Base64 instead, by design.
    }
  }

  private static String text(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidInputException(where + ": missing text field \"" + field + "\"");
    }
    return value.asText();
  }

  private static int number(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new InvalidInputException(where + ": missing integer field \"" + field + "\"");
    }
    return value.asInt();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
