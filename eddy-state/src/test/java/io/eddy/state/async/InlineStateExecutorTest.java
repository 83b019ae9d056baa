package io.eddy.state.async;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.heap.HeapKeyedStateBackend;

/** The hashmap backend's inline executor against the synchronous API. */
class InlineStateExecutorTest extends StateExecutorContractTest {
  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) {
    return new HeapKeyedStateBackend<>(range, maxParallelism);
  }
}
