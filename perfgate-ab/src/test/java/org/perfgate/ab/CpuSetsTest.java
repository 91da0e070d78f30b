package org.perfgate.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSetsTest {
  @Test
  void givesCoreZeroToBaseAndCoreOneToHeadOnTwoCores() {
    assertThat(CpuSets.split(List.of(0, 1))).contains(new CpuSets.Halves("0", "1"));
  }

  @Test
  void splitsInHalvesLeavingAnOddCoreToTheGenerator() {
    assertThat(CpuSets.split(List.of(2, 3, 4, 5, 6))).contains(new CpuSets.Halves("2,3", "4,5"));
  }

  @Test
  void swapsTheHalvesBetweenTheSides() {
    assertThat(new CpuSets.Halves("0", "1").swapped()).isEqualTo(new CpuSets.Halves("1", "0"));
  }

  @Test
  void hasNoHalvesOnOneCore() {
    assertThat(CpuSets.split(List.of(0))).isEmpty();
  }

  @Test
  void parsesLinuxCpuLists() {
    assertThat(CpuSets.parse("0-2,5")).containsExactly(0, 1, 2, 5);
    assertThat(CpuSets.parse("1")).containsExactly(1);
  }
}
