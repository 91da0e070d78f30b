package org.perfgate.engine;

import java.util.function.Consumer;
import org.perfgate.engine.spi.HttpExchange;

/**
 * Base of engine tests that run twice: with a blocking {@link ScriptedProtocol} (VUs on virtual
 * threads) and, in a subclass overriding {@link #nonBlocking}, a non-blocking one (VUs on loops).
 */
abstract class ScriptedModels {
  boolean nonBlocking() {
    return false;
  }

  final ScriptedProtocol protocol(ScriptedProtocol.Script script) {
    return protocol(script, exchange -> {});
  }

  final ScriptedProtocol protocol(ScriptedProtocol.Script script, Consumer<HttpExchange> observer) {
    return new ScriptedProtocol(script, observer, nonBlocking());
  }
}
