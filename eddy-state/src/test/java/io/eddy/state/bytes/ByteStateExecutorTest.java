package io.eddy.state.bytes;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.async.StateExecutorContractTest;

/** The byte executor on an in-memory sorted map (reads on the task thread) against the synchronous API. */
class ByteStateExecutorTest extends StateExecutorContractTest {
  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) {
    return new ByteKeyedStateBackend<>(new SortedMapKvStore(), range, maxParallelism);
  }
}
