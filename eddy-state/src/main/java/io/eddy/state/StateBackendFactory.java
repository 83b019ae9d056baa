package io.eddy.state;

import io.eddy.api.config.Configuration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Creates keyed state backends of one kind, named by {@code state.backend.type}. Backends are
 * found with {@link ServiceLoader}, so a module on the class path (rocksdb, disaggregated) adds
 * its kind without the runtime knowing it.
 */
public interface StateBackendFactory {
  /** The value of {@code state.backend.type} that selects this backend. */
  String name();

  /**
   * @param operatorId stable identity of the operator whose state this is
   * @param keyGroupRange the key groups the subtask owns
   */
  <K> KeyedStateBackend<K> createKeyedBackend(
      String operatorId, KeyGroupRange keyGroupRange, int maxParallelism, Configuration configuration);

  /**
   * Reads every file a file-handle snapshot of this backend references (its paths are full
   * FileSystem paths or URIs) and checks each whole, with every checksum its format has: what
   * {@code eddy checkpoints inspect} reports as verified.
   *
   * @throws IOException naming the first bad or missing file, and the offset of the bad block
   *     where the format can tell
   * @throws UnsupportedOperationException for a backend that writes no file handles
   */
  default VerifiedFiles verifyHandle(byte[] handle) throws IOException {
    throw new UnsupportedOperationException("state backend '" + name() + "' writes no file handles to verify");
  }

  /** What {@link #verifyHandle} read: files and their bytes. */
  record VerifiedFiles(int files, long bytes) {}

  static StateBackendFactory load(String name) {
    List<String> available = new ArrayList<>();
    for (StateBackendFactory factory : ServiceLoader.load(StateBackendFactory.class)) {
      if (factory.name().equals(name)) {
        return factory;
      }
      available.add(factory.name());
    }
    throw new IllegalArgumentException("Unknown state backend '" + name + "' (state.backend.type); available: "
        + String.join(", ", available));
  }
}
