package io.eddy.state.heap;

import io.eddy.api.config.Configuration;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.StateBackendFactory;

/** {@code state.backend.type: hashmap}: keyed state as objects on the heap. */
public final class HashMapStateBackendFactory implements StateBackendFactory {
  static final String NAME = "hashmap";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedBackend(
      String operatorId, KeyGroupRange keyGroupRange, int maxParallelism, Configuration configuration) {
    return new HeapKeyedStateBackend<>(keyGroupRange, maxParallelism);
  }
}
