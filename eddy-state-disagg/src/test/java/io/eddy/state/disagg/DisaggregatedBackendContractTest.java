package io.eddy.state.disagg;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Options;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateBackendContractTest;
import io.eddy.state.bytes.ByteKeyedStateBackend;

/**
 * The keyed state backend contract (five primitives, namespaces, merging, timers, TTL, snapshots
 * restored into other key-group ranges) on the disaggregated store, with small memtables so that
 * state spreads over SST files.
 */
class DisaggregatedBackendContractTest extends KeyedStateBackendContractTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();
  private int stores;

  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) {
    StoreConfig config = StoreConfig.of(fs, "mem:///state/op-" + stores++)
        .withLsmOptions(Options.builder().writeBufferSize(16 << 10).build());
    return new ByteKeyedStateBackend<>(new DisaggregatedKvStore(config), range, maxParallelism);
  }
}
