package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterleavingTest {
  @Test
  void buildsAbbaBlocksWithBothSidesEquallyOften() {
    List<Side> order = Interleaving.order(10, new SplittableRandom(7));

    assertThat(order).hasSize(20);
    assertThat(Collections.frequency(order, Side.BASE)).isEqualTo(10);
    for (int block = 0; block + 4 <= order.size(); block += 4) {
      List<Side> four = order.subList(block, block + 4);
      assertThat(four.get(0)).isEqualTo(four.get(3)).isNotEqualTo(four.get(1));
      assertThat(four.get(1)).isEqualTo(four.get(2));
    }
  }

  @Test
  void endsWithOnePairWhenTheCountIsOdd() {
    List<Side> order = Interleaving.order(3, new SplittableRandom(1));

    assertThat(order).hasSize(6);
    assertThat(order.get(4)).isNotEqualTo(order.get(5));
    assertThat(Collections.frequency(order, Side.HEAD)).isEqualTo(3);
  }

  @Test
  void isRepeatableForASeedAndVariesAcrossSeeds() {
    assertThat(Interleaving.order(20, new SplittableRandom(42))).isEqualTo(Interleaving.order(20, new SplittableRandom(42)));
    assertThat(Interleaving.order(20, new SplittableRandom(42))).isNotEqualTo(Interleaving.order(20, new SplittableRandom(43)));
  }

  @Test
  void randomisesWhichSideStartsABlock() {
    List<Side> order = Interleaving.order(40, new SplittableRandom(3));
    long baseFirst = 0;
    for (int block = 0; block < order.size(); block += 4) {
      if (order.get(block) == Side.BASE) {
        baseFirst++;
      }
    }
    assertThat(baseFirst).isBetween(2L, 18L);
  }
}
