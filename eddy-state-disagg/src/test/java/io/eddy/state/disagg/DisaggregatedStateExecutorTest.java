package io.eddy.state.disagg;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Options;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.async.StateExecutorContractTest;
import io.eddy.state.bytes.ByteKeyedStateBackend;

/**
 * The disaggregated executor (multi-gets split over three read threads, eddy-lsm write batches)
 * against the synchronous API, with small memtables so that reads go to SST files.
 */
class DisaggregatedStateExecutorTest extends StateExecutorContractTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();
  private int stores;

  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) {
    StoreConfig config = StoreConfig.of(fs, "mem:///state/op-" + stores++)
        .withLsmOptions(Options.builder().writeBufferSize(4 << 10).build());
    return new ByteKeyedStateBackend<>(new DisaggregatedKvStore(config), range, maxParallelism);
  }
}
