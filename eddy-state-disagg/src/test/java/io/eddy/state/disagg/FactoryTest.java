package io.eddy.state.disagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.lsm.compaction.remote.RemoteCompactionService;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.StateBackendFactory;
import io.eddy.state.VoidNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration of the disaggregated backend: its keys, defaults, directories and shared caches. */
class FactoryTest {
  @TempDir
  Path tmp;

  @Test
  void theBackendIsFoundByNameAndWorksInItsOwnDirectory() throws Exception {
    Configuration conf = new Configuration().set(DisaggregatedOptions.DIRECTORY, tmp.resolve("db").toString());
    StateBackendFactory factory = StateBackendFactory.load("disaggregated");
    assertThat(factory).isInstanceOf(DisaggregatedStateBackendFactory.class);

    KeyedStateBackend<String> backend = factory.createKeyedBackend("window op/1", KeyGroupRange.of(0, 127), 128, conf);
    InternalValueState<VoidNamespace, Long> state =
        backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("count", Long.class));
    backend.setCurrentKey("k");
    state.update(42L);
    assertThat(state.value()).isEqualTo(42L);
    assertThat(backend.backendType()).isEqualTo("disaggregated");
    try (var dirs = Files.list(tmp.resolve("db"))) {
      assertThat(dirs.map(p -> p.getFileName().toString()).toList()).singleElement().asString().startsWith("window_op_1-");
    }

    backend.close();
    try (var dirs = Files.list(tmp.resolve("db"))) {
      assertThat(dirs.toList()).as("no checkpoint: nothing left").isEmpty();
    }
  }

  @Test
  void theDirectoryDefaultsToTheCheckpointDirectoryThenToTheTemporaryFolder() {
    Configuration conf = new Configuration();
    assertThat(DisaggregatedOptions.directory(conf))
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "eddy-disaggregated").toAbsolutePath().normalize().toString());
    conf.set(CheckpointingOptions.DIRECTORY, "s3://bucket/checkpoints");
    assertThat(DisaggregatedOptions.directory(conf)).isEqualTo("s3://bucket/checkpoints/db");
    conf.set(CheckpointingOptions.DIRECTORY, "eddy-data/checkpoints");
    assertThat(DisaggregatedOptions.directory(conf)).isEqualTo(Path.of("eddy-data/checkpoints/db").toAbsolutePath().toString());
    conf.set(DisaggregatedOptions.DIRECTORY, "mem:///elsewhere");
    assertThat(DisaggregatedOptions.directory(conf)).isEqualTo("mem:///elsewhere");
  }

  @Test
  void storesShareTheFileSystemAndCachesWhileAnyUsesThem() throws Exception {
    Configuration conf = new Configuration()
        .set(DisaggregatedOptions.DIRECTORY, "mem:///shared")
        .set(DisaggregatedOptions.CACHE_LOCAL_DIR, tmp.resolve("cache").toString())
        .set(DisaggregatedOptions.CACHE_MEMORY_SIZE, 8L << 20)
        .set(CheckpointingOptions.NUM_RETAINED, 3);
    StoreConfig a = DisaggregatedStateBackendFactory.storeConfig("op", conf);
    StoreConfig b = DisaggregatedStateBackendFactory.storeConfig("op", conf);

    assertThat(a.fs()).isSameAs(b.fs()).isSameAs(MemFileSystemFactory.FS);
    assertThat(a.lsmOptions().blockCache()).isSameAs(b.lsmOptions().blockCache());
    assertThat(a.lsmOptions().fileCache()).isNotNull().isSameAs(b.lsmOptions().fileCache());
    assertThat(a.directory()).startsWith("mem:///shared/op-").isNotEqualTo(b.directory());
    assertThat(a.numRetained()).isEqualTo(3);
    try (var caches = Files.list(tmp.resolve("cache"))) {
      assertThat(caches.toList()).hasSize(1);
    }

    a.resources().close();
    b.resources().close();

    try (var caches = Files.list(tmp.resolve("cache"))) {
      assertThat(caches.toList()).as("the last user removed the cache").isEmpty();
    }
    StoreConfig c = DisaggregatedStateBackendFactory.storeConfig("op", conf);
    assertThat(c.lsmOptions().blockCache()).isNotSameAs(a.lsmOptions().blockCache());
    c.resources().close();
  }

  @Test
  void aLocalPrimaryDirectoryHasNoFileCache() throws Exception {
    Configuration conf = new Configuration().set(DisaggregatedOptions.DIRECTORY, tmp.toString());
    StoreConfig config = DisaggregatedStateBackendFactory.storeConfig("op", conf);
    assertThat(config.lsmOptions().fileCache()).isNull();
    assertThat(config.lsmOptions().compactionService()).isNull();
    config.resources().close();
  }

  @Test
  void remoteCompactionNeedsTheWorkersAddress() throws Exception {
    Configuration conf = new Configuration()
        .set(DisaggregatedOptions.DIRECTORY, tmp.toString())
        .set(DisaggregatedOptions.COMPACTION, "remote");
    assertThatThrownBy(() -> DisaggregatedStateBackendFactory.storeConfig("op", conf))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compaction.remote.address");
    conf.set(DisaggregatedOptions.COMPACTION, "elsewhere");
    assertThatThrownBy(() -> DisaggregatedStateBackendFactory.storeConfig("op", conf)).isInstanceOf(IllegalArgumentException.class);

    conf.set(DisaggregatedOptions.COMPACTION, "remote").set(DisaggregatedOptions.COMPACTION_REMOTE_ADDRESS, "worker:7070");
    StoreConfig config = DisaggregatedStateBackendFactory.storeConfig("op", conf);
    assertThat(config.lsmOptions().compactionService()).isInstanceOf(RemoteCompactionService.class);
    assertThat(config.lsmOptions().compactionService().describe()).isEqualTo("remote worker:7070");
    config.resources().close();
  }
}
