package io.eddy.state.rocksdb;

import io.eddy.api.config.Configuration;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.StateBackendFactory;
import io.eddy.state.bytes.ByteKeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code state.backend.type: rocksdb}: keyed state in an embedded RocksDB per operator subtask,
 * with the state primitives of {@link ByteKeyedStateBackend} over a {@link RocksDbKvStore}.
 * Found by {@link java.util.ServiceLoader}.
 */
public final class RocksDbStateBackendFactory implements StateBackendFactory {

  @Override
  public String name() {
    return RocksDbKvStore.KIND;
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedBackend(
      String operatorId, KeyGroupRange keyGroupRange, int maxParallelism, Configuration configuration) {
    if (keyGroupRange.endKeyGroup() > KeyGroupKeys.MAX_KEY_GROUP) {
      throw new IllegalArgumentException("The rocksdb state backend keeps key groups in two bytes: max parallelism "
          + maxParallelism + " is too large (at most " + (KeyGroupKeys.MAX_KEY_GROUP + 1) + ")");
    }
    try {
      return new ByteKeyedStateBackend<>(new RocksDbKvStore(configuration), keyGroupRange, maxParallelism);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the RocksDB state of operator " + operatorId + ": "
          + e.getMessage(), e);
    }
  }

  /** Checks every file of the handle: size, CRC32C, and each SST block's checksum ({@link HandleVerifier}). */
  @Override
  public VerifiedFiles verifyHandle(byte[] handle) throws IOException {
    return HandleVerifier.verify(handle);
  }
}
