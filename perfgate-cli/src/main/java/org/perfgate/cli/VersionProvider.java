package org.perfgate.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code perfgate --version}: the version from the jar manifest, and the JVM running it. */
final class VersionProvider implements IVersionProvider {
  static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "perfgate " + version(), "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
    };
  }
}
