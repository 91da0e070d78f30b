package org.perfgate.ab;

import java.util.Locale;

/** How {@code perfgate ab} runs the two sides' trials. */
public enum AbMode {
  /** One side at a time, in ABBA/BAAB blocks: the sides never compete for the machine. */
  SEQUENTIAL,
  /**
   * Duet benchmarking (Bulej et al. 2020): both sides at the same time, each system under test
   * pinned to its own half of the cores, so machine-wide noise hits both equally. The load
   * generator is this one JVM; its threads are not pinned.
   */
  DUET;

  /** The name as {@code --mode} takes it: {@code sequential}, {@code duet}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
