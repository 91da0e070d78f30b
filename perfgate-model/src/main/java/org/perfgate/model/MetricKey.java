package org.perfgate.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A metric name plus a tag filter, k6 style: {@code http_req_duration{name:login,status:200}}. With
 * no tags it is the whole metric; with tags it is a sub-metric of the samples carrying all of them.
 */
public record MetricKey(String name, SortedMap<String, String> tags) implements Comparable<MetricKey> {
  public MetricKey {
    Objects.requireNonNull(name, "name");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
  }

  public static MetricKey of(String name) {
    return new MetricKey(name, new TreeMap<>());
  }

  public static MetricKey of(String name, Map<String, String> tags) {
    return new MetricKey(name, new TreeMap<>(tags));
  }

  /** The same tags on another metric, e.g. {@code http_reqs{name:login}} from a duration key. */
  public MetricKey withName(String otherName) {
    return new MetricKey(otherName, tags);
  }

  public boolean isSubMetric() {
    return !tags.isEmpty();
  }

  /** True when every tag of this key is present with the same value in {@code sampleTags}. */
  public boolean matches(Map<String, String> sampleTags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!tag.getValue().equals(sampleTags.get(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** k6's text form: {@code name} or {@code name{k:v,k2:v2}}. */
  @Override
  public String toString() {
    if (tags.isEmpty()) {
      return name;
    }
    StringBuilder text = new StringBuilder(name).append('{');
    boolean first = true;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!first) {
        text.append(',');
      }
      text.append(tag.getKey()).append(':').append(tag.getValue());
      first = false;
    }
    return text.append('}').toString();
  }

  @Override
  public int compareTo(MetricKey other) {
    return toString().compareTo(other.toString());
  }
}
