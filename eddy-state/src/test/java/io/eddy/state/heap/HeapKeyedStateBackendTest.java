package io.eddy.state.heap;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateBackendContractTest;

/** The hashmap backend against the backend contract. */
class HeapKeyedStateBackendTest extends KeyedStateBackendContractTest {
  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) {
    return new HeapKeyedStateBackend<>(range, maxParallelism);
  }
}
