package org.perfgate.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory items of {@code /api/items}, in creation order, bounded: creating an item beyond
 * the capacity evicts the oldest, so long runs do not grow memory. Ids count up from 1 and are
 * never reused. Thread-safe.
 */
final class ItemStore {
  /** One item. */
  record Item(long id, String name) {}

  private final int capacity;
  // One lock over an insertion-ordered map: every operation is a few map steps, cheaper than the
  // bookkeeping a lock-free bounded map would need to find its oldest entry.
  private final LinkedHashMap<Long, String> items = new LinkedHashMap<>();
  private long lastId;

  ItemStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  synchronized Item create(String name) {
    long id = ++lastId;
    items.put(id, name);
    if (items.size() > capacity) {
      items.pollFirstEntry();
    }
    return new Item(id, name);
  }

  synchronized Optional<Item> find(long id) {
    String name = items.get(id);
    return name == null ? Optional.empty() : Optional.of(new Item(id, name));
  }

  /** Renames an existing item (keeping its place in the eviction order); empty if there is none. */
  synchronized Optional<Item> update(long id, String name) {
    return items.replace(id, name) == null ? Optional.empty() : Optional.of(new Item(id, name));
  }

  /** True if the item existed. */
  synchronized boolean delete(long id) {
    return items.remove(id) != null;
  }

  /** Up to {@code limit} items, newest first. */
  synchronized List<Item> newest(int limit) {
    List<Item> result = new ArrayList<>(Math.min(limit, items.size()));
    for (Map.Entry<Long, String> entry : items.sequencedEntrySet().reversed()) {
      if (result.size() == limit) {
        break;
      }
      result.add(new Item(entry.getKey(), entry.getValue()));
    }
    return result;
  }

  synchronized int size() {
    return items.size();
  }
}
