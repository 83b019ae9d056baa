package io.eddy.state.bytes;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateBackendContractTest;

/** The byte layout, on the in-memory model store, against the backend contract. */
class ByteKeyedStateBackendTest extends KeyedStateBackendContractTest {
  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) {
    return new ByteKeyedStateBackend<>(new SortedMapKvStore(), range, maxParallelism);
  }
}
