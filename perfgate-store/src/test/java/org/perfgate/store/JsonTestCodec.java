package org.perfgate.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.perfgate.model.MetricValues;
import org.perfgate.model.RunResult;

/** A small JSON codec for tests; the CLI uses perfgate-report's. */
final class JsonTestCodec implements RunCodec {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = MetricValues.Trend.class, name = "trend"),
    @JsonSubTypes.Type(value = MetricValues.Counter.class, name = "counter"),
    @JsonSubTypes.Type(value = MetricValues.Rate.class, name = "rate"),
    @JsonSubTypes.Type(value = MetricValues.Gauge.class, name = "gauge")
  })
  private interface MetricValuesMixin {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .addMixIn(MetricValues.class, MetricValuesMixin.class)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  @Override
  public byte[] encode(RunResult result) {
    try {
      return MAPPER.writeValueAsBytes(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public RunResult decode(byte[] bytes) {
    try {
      return MAPPER.readValue(bytes, RunResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
