package io.eddy.state.rocksdb;

import static io.eddy.state.rocksdb.TestStores.bytes;
import static io.eddy.state.rocksdb.TestStores.key;
import static io.eddy.state.rocksdb.TestStores.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns with a TTL: compaction drops values written longer ago than the TTL (TtlDB); others keep theirs. */
class TtlCompactionTest {
  static final ColumnOptions ONE_SECOND = new ColumnOptions(false, 800);

  @TempDir Path temp;

  @Test
  void compactionDropsExpiredValuesOfTtlColumnsOnly() throws Exception {
    try (RocksDbKvStore store = new RocksDbKvStore(TestStores.settings(temp))) {
      KvColumn expiring = store.column("ttl", ONE_SECOND);
      KvColumn lasting = store.column("plain", ColumnOptions.PLAIN);
      expiring.put(key(1, "k"), bytes("old"));
      lasting.put(key(1, "k"), bytes("old"));
      Thread.sleep(2_100); // TtlDB keeps write times in whole seconds
      expiring.put(key(1, "fresh"), bytes("new"));
      RocksDbInstance instance = store.instance();
      assertThat(text(expiring.get(key(1, "k")))).as("readers filter; until compaction the value is there").isEqualTo("old");
      for (RocksDbInstance.Column column : instance.columns()) {
        instance.db().compactRange(column.handle());
      }
      assertThat(expiring.get(key(1, "k"))).isNull();
      assertThat(text(expiring.get(key(1, "fresh")))).isEqualTo("new");
      assertThat(text(lasting.get(key(1, "k")))).isEqualTo("old");
    }
  }

  @Test
  void aRestoredColumnKeepsItsTtlAndRejectsAnother() throws IOException {
    KeyGroupRange all = KeyGroupRange.of(0, 127);
    try (RocksDbKvStore store = new RocksDbKvStore(TestStores.settings(temp));
        RocksDbKvStore restored = new RocksDbKvStore(TestStores.settings(temp));
        RocksDbKvStore changed = new RocksDbKvStore(TestStores.settings(temp))) {
      store.column("ttl", ONE_SECOND).put(key(1, "k"), bytes("v"));
      byte[] handle = Checkpoints.take(store, 1, all);
      restored.restore(List.of(new KeyedStateHandle(all, handle)), all);
      assertThat(text(restored.column("ttl", ONE_SECOND).get(key(1, "k")))).isEqualTo("v");
      changed.restore(List.of(new KeyedStateHandle(all, handle)), all);
      assertThatThrownBy(() -> changed.column("ttl", new ColumnOptions(false, 60_000)))
          .isInstanceOf(IOException.class).hasMessageContaining("'ttl'");
    }
  }
}
