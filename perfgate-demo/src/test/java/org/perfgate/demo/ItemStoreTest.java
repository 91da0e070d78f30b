package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemStoreTest {
  @Test
  void evictsTheOldestItemBeyondCapacity() {
    ItemStore store = new ItemStore(2);
    store.create("a");
    store.create("b");
    store.create("c");

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.find(1)).isEmpty();
    assertThat(store.newest(10))
        .containsExactly(new ItemStore.Item(3, "c"), new ItemStore.Item(2, "b"));
  }

  @Test
  void renamingKeepsAnItemsPlaceInTheEvictionOrder() {
    ItemStore store = new ItemStore(2);
    store.create("a");
    store.create("b");

    assertThat(store.update(1, "a2")).contains(new ItemStore.Item(1, "a2"));
    store.create("c");

    assertThat(store.find(1)).isEmpty();
    assertThat(store.find(2)).isPresent();
  }

  @Test
  void neverReusesIds() {
    ItemStore store = new ItemStore(5);
    store.create("a");
    assertThat(store.delete(1)).isTrue();

    assertThat(store.create("b").id()).isEqualTo(2);
    assertThat(store.delete(1)).isFalse();
  }

  @Test
  void updatingAMissingItemCreatesNothing() {
    ItemStore store = new ItemStore(5);

    assertThat(store.update(7, "x")).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void staysBoundedUnderConcurrentCreates() throws Exception {
    ItemStore store = new ItemStore(100);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 1_000; i++) {
                      store.create("x");
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(store.size()).isEqualTo(100);
    assertThat(store.newest(1)).containsExactly(new ItemStore.Item(8_000, "x"));
    assertThat(store.find(7_901)).isPresent();
    assertThat(store.find(7_900)).isEmpty();
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new ItemStore(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
