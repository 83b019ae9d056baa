package io.eddy.state.timers;

/** A timer of one key and namespace at a time; equal (timestamp, key, namespace) is one timer. */
public record Timer<K, N>(long timestamp, K key, N namespace, int keyGroup) {

  @Override
  public boolean equals(Object o) {
    return o instanceof Timer<?, ?> t && t.timestamp == timestamp && t.key.equals(key) && t.namespace.equals(namespace);
  }

  /**
   * The key's hash is spread before the timestamp is added: with a plain {@code 31 *} sum,
   * sequential keys and timestamps collide along diagonals (key k at t and key k + 1 at t - 1),
   * which turned the timer index's buckets into trees for per-key session timers.
   */
  @Override
  public int hashCode() {
    int h = (key.hashCode() * 0x9E3779B9 + Long.hashCode(timestamp)) * 31 + namespace.hashCode();
    return h ^ (h >>> 16);
  }
}
