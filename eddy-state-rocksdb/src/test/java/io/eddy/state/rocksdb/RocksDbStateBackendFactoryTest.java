package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.KeyedStateSnapshot;
import io.eddy.state.StateBackendFactory;
import io.eddy.state.VoidNamespace;
import io.eddy.state.InternalStates.InternalValueState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state.backend.type: rocksdb} through the ServiceLoader, configured by keys. */
class RocksDbStateBackendFactoryTest {
  @TempDir Path temp;

  Configuration configuration() {
    return new Configuration()
        .set(RocksDbOptions.LOCAL_DIRECTORY.key(), temp.resolve("local").toString())
        .set(RocksDbOptions.MEMORY_SIZE.key(), "16mb")
        .set(CheckpointingOptions.DIRECTORY.key(), temp.resolve("checkpoints").toString());
  }

  @Test
  void theFactoryIsFoundByNameAndItsBackendsCheckpointAndRestore() throws Exception {
    StateBackendFactory factory = StateBackendFactory.load("rocksdb");
    KeyGroupRange all = KeyGroupRange.of(0, 127);
    byte[] handle;
    try (KeyedStateBackend<String> backend = factory.createKeyedBackend("op", all, 128, configuration())) {
      assertThat(backend.backendType()).isEqualTo("rocksdb");
      InternalValueState<VoidNamespace, Long> state =
          backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
      backend.setCurrentKey("a");
      state.update(7L);
      KeyedStateSnapshot snapshot = backend.snapshot(1);
      handle = ((FileHandleSnapshot) snapshot).persist().handle();
      snapshot.release();
      backend.notifyCheckpointComplete(1);
    }
    try (KeyedStateBackend<String> backend = factory.createKeyedBackend("op", all, 128, configuration())) {
      backend.restoreFromHandles(List.of(new KeyedStateHandle(all, handle)));
      InternalValueState<VoidNamespace, Long> state =
          backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
      backend.setCurrentKey("a");
      assertThat(state.value()).isEqualTo(7L);
    }
    assertThat(temp.resolve("local")).isEmptyDirectory();
    assertThat(temp.resolve("checkpoints/shared")).isDirectory();
  }

  @Test
  void keyGroupsBeyondTwoBytesAreRejected() {
    assertThatThrownBy(() -> new RocksDbStateBackendFactory()
        .createKeyedBackend("op", KeyGroupRange.of(0, 65535), 65536, configuration()))
        .hasMessageContaining("max parallelism");
  }
}
