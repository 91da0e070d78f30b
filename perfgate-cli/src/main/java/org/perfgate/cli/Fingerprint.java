package org.perfgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.perfgate.model.EnvironmentFingerprint;

/** The environment fingerprint of this machine and JVM. */
final class Fingerprint {
  private Fingerprint() {}

  static EnvironmentFingerprint current(Map<String, String> labels) {
    return new EnvironmentFingerprint(cpuModel(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + Runtime.version(), VersionProvider.version(), labels);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // other systems: the architecture is the best cheap description
    }
    return System.getProperty("os.arch");
  }
}
