package io.eddy.state.rocksdb;

import static io.eddy.state.rocksdb.TestStores.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory options: one shared cache of the configured size, memtables held to their share of it. */
class MemoryBudgetTest {
  @TempDir Path temp;

  @Test
  void optionsAreReadFromTheConfiguration() {
    Configuration configuration = new Configuration()
        .set(RocksDbOptions.MEMORY_SIZE.key(), "64mb")
        .set(RocksDbOptions.WRITE_BUFFER_RATIO.key(), "0.25")
        .set(RocksDbOptions.LOCAL_DIRECTORY.key(), temp.toString());
    StoreSettings settings = StoreSettings.from(configuration);
    assertThat(settings.memory()).isEqualTo(new MemorySettings(64L << 20, 0.25, 0.1));
    assertThat(settings.memory().writeBufferBytes()).isEqualTo(16L << 20);
    assertThat(settings.localDirectory()).isEqualTo(temp);
    assertThat(settings.incremental()).isTrue();
    assertThat(settings.retainedCheckpoints()).isEqualTo(1);
  }

  @Test
  void badSettingsAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> new MemorySettings(1L << 30, 1.5, 0.1))
        .hasMessageContaining(RocksDbOptions.WRITE_BUFFER_RATIO.key());
    assertThatThrownBy(() -> new MemorySettings(1000, 0.5, 0.1)).hasMessageContaining(RocksDbOptions.MEMORY_SIZE.key());
  }

  @Test
  void storesWithEqualSettingsShareOneCacheOfTheConfiguredSize() throws IOException {
    try (RocksDbKvStore one = new RocksDbKvStore(TestStores.settings(temp));
        RocksDbKvStore two = new RocksDbKvStore(TestStores.settings(temp))) {
      one.column("c", ColumnOptions.PLAIN);
      two.column("c", ColumnOptions.PLAIN);
      assertThat(one.property("c", "rocksdb.block-cache-capacity")).isEqualTo(String.valueOf(TestStores.MEMORY.size()));
      SharedMemory memory = SharedMemory.acquire(TestStores.MEMORY);
      try {
        assertThat(SharedMemory.acquire(TestStores.MEMORY)).isSameAs(memory);
        memory.release();
      } finally {
        memory.release();
      }
    }
  }

  @Test
  void theLastReleaseFreesTheBudget() {
    MemorySettings settings = new MemorySettings(8L << 20, 0.5, 0.1);
    SharedMemory first = SharedMemory.acquire(settings);
    first.release();
    SharedMemory second = SharedMemory.acquire(settings);
    try {
      assertThat(second).isNotSameAs(first);
    } finally {
      second.release();
    }
  }

  @Test
  void memtablesOfAllColumnsStayWithinTheirShare() throws Exception {
    try (RocksDbKvStore store = new RocksDbKvStore(TestStores.settings(temp))) {
      int columns = 8;
      byte[] value = new byte[1000];
      for (int c = 0; c < columns; c++) {
        KvColumn column = store.column("c" + c, ColumnOptions.PLAIN);
        for (int i = 0; i < 3_000; i++) { // 3 MB a column, 24 MB in all: below each memtable's own limit
          column.put(key(i % 128, "k" + i), value);
        }
      }
      long memtables = memtableBytes(store, columns);
      for (long deadline = System.nanoTime() + 10_000_000_000L;
          memtables > TestStores.MEMORY.writeBufferBytes() && System.nanoTime() < deadline; ) {
        Thread.sleep(20); // the flushes the write buffer manager asked for run in the background
        memtables = memtableBytes(store, columns);
      }
      assertThat(memtables).isLessThanOrEqualTo(TestStores.MEMORY.writeBufferBytes());
    }
  }

  private static long memtableBytes(RocksDbKvStore store, int columns) throws IOException {
    long bytes = 0;
    for (int c = 0; c < columns; c++) {
      bytes += Long.parseLong(store.property("c" + c, "rocksdb.cur-size-all-mem-tables"));
    }
    return bytes;
  }
}
