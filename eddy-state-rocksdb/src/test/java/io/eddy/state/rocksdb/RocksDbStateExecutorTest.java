package io.eddy.state.rocksdb;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.async.StateExecutorContractTest;
import io.eddy.state.bytes.ByteKeyedStateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB's batched executor (multiGetAsList on a read thread, write batches) against the synchronous API. */
class RocksDbStateExecutorTest extends StateExecutorContractTest {
  @TempDir Path temp;

  @Override
  protected KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) throws Exception {
    return new ByteKeyedStateBackend<>(new RocksDbKvStore(TestStores.settings(temp)), range, maxParallelism);
  }
}
