package org.perfgate.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the output goes to a person at a terminal (for progress redraws and colors). */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // Since JDK 22 System.console() may exist while output is redirected; isTerminal() tells.
    // Looked up reflectively because the code targets Java 21, where the method does not exist.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException olderJdk) {
      return true;
    }
  }
}
