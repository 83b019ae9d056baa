package io.eddy.state;

import io.eddy.api.config.Configuration;
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
