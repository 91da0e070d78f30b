package org.perfgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.store.TestRuns.T0;
import static org.perfgate.store.TestRuns.metadata;
import static org.perfgate.store.TestRuns.result;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.perfgate.model.RunMetadata;

class RunJsonTest {

  @Test
  void embedsTheCodecsJsonAsIsAndReadsItBackExactly() {
    RunMetadata metadata = metadata("checkout", T0, "g1", 2);
    byte[] bytes = "{\"p95\":120.250,\"big\":12345678901234567890,\"tiny\":1.0E-7}".getBytes(StandardCharsets.UTF_8);

    String line = new String(RunJson.line("20261124-031500-ab12", metadata, bytes), StandardCharsets.UTF_8);
    RunJson.Line read = RunJson.parse("line 1", line);

    assertThat(line).startsWith("{\"id\":\"20261124-031500-ab12\",\"metadata\":{\"project\":\"shop\",")
        .contains("\"time\":\"2026-11-24T03:15:00.123456789Z\"", "\"labels\":{\"runner\":\"ci-large\",\"zone\":\"b\"}")
        .endsWith(",\"result\":{\"p95\":120.250,\"big\":12345678901234567890,\"tiny\":1.0E-7}}");
    assertThat(read.id()).isEqualTo("20261124-031500-ab12");
    assertThat(read.metadata()).isEqualTo(metadata);
    assertThat(new String(read.codecBytes(), StandardCharsets.UTF_8)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void carriesBytesThatAreNotJsonAsBase64() {
    byte[] bytes = new JsonTestCodec().encode(result("checkout", 1, 1, true));
    byte[] notJson = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, notJson, 1, bytes.length);
    notJson[0] = (byte) 0xff;

    byte[] line = RunJson.line("r1", metadata("checkout", T0, "g1", 1), notJson);

    assertThat(new String(line, StandardCharsets.UTF_8)).contains("\"resultBase64\":\"");
    assertThat(RunJson.parse("line 1", new String(line, StandardCharsets.UTF_8)).codecBytes()).isEqualTo(notJson);
  }
}
