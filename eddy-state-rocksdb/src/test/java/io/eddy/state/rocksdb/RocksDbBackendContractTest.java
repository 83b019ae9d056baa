package io.eddy.state.rocksdb;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateBackendContractTest;
import io.eddy.state.bytes.ByteKeyedStateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The byte layout on RocksDB against the contract of every keyed state backend, checkpoints included. */
class RocksDbBackendContractTest extends KeyedStateBackendContractTest {
  @TempDir Path temp;

  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) throws Exception {
    return new ByteKeyedStateBackend<>(new RocksDbKvStore(TestStores.settings(temp)), range, maxParallelism);
  }
}
