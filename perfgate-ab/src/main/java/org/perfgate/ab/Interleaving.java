package org.perfgate.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order of trials: blocks of four, each {@code ABBA} or {@code BAAB} at random (a seeded
 * generator), and a last {@code AB} or {@code BA} when the count is odd. Within every block both
 * sides have the same mean position, so a linear drift of the machine (heating, a neighbour
 * starting) moves both sides equally; the random orientation keeps any periodic disturbance from
 * lining up with one side.
 */
final class Interleaving {
  private Interleaving() {}

  /** {@code 2 * trialsPerSide} sides; the same seed gives the same order. */
  static List<Side> order(int trialsPerSide, RandomGenerator random) {
    List<Side> order = new ArrayList<>(2 * trialsPerSide);
    for (int pair = 0; pair < trialsPerSide; pair += 2) {
      Side first = random.nextBoolean() ? Side.BASE : Side.HEAD;
      order.add(first);
      order.add(first.other());
      if (pair + 1 < trialsPerSide) {
        order.add(first.other());
        order.add(first);
      }
    }
    return order;
  }
}
