package io.eddy.state.timers;

/** A timer of one key and namespace at a time; equal (timestamp, key, namespace) is one timer. */
public record Timer<K, N>(long timestamp, K key, N namespace, int keyGroup) {

  @Override
  public boolean equals(Object o) {
    return o instanceof Timer<?, ?> t && t.timestamp == timestamp && t.key.equals(key) && t.namespace.equals(namespace);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(timestamp) * 31 + key.hashCode()) * 31 + namespace.hashCode();
  }
}
