package io.eddy.api.state;

/** Applied to the keyed state of one key, by {@code applyToKeyedState}. */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
  void process(K key, S state) throws Exception;
}
