package org.perfgate.store;

import org.perfgate.model.RunResult;

/**
 * Turns a {@link RunResult} into bytes and back; the store keeps these bytes (gzipped) and never
 * looks inside. The CLI passes perfgate-report's JSON codec. Implementations must be thread-safe and
 * round-trip exactly: {@code decode(encode(r)).equals(r)}.
 */
public interface RunCodec {
  byte[] encode(RunResult result);

  RunResult decode(byte[] bytes);
}
