package io.eddy.state.disagg;

import static io.eddy.state.disagg.Keys.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Db;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import io.eddy.lsm.compaction.remote.CompactionWorker;
import io.eddy.lsm.compaction.remote.RemoteCompactionService;
import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.Plugins;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compaction drops expired values of TTL columns (and nothing else), with the newest last-access
 * time written as its clock, locally and on a remote compaction worker.
 */
class TtlCompactionTest {
  private static final long TTL = 100;

  private final MemoryFileSystem fs = new MemoryFileSystem();
  private DisaggregatedKvStore store = new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/op"));

  @AfterEach
  void close() {
    store.close();
  }

  /** A value as TTL columns hold it: the last-access time, then the payload. */
  private static byte[] stamped(long lastAccess, String payload) {
    return ByteBuffer.allocate(8 + payload.length()).putLong(lastAccess).put(Keys.bytes(payload)).array();
  }

  private void compact() throws IOException {
    for (Db tree : store.trees()) {
      tree.compactRange(KeyRange.ALL);
    }
  }

  @Test
  void compactionDropsExpiredValuesOfTtlColumnsOnly() throws IOException {
    KvColumn ttl = store.column("ttl", new ColumnOptions(false, TTL));
    KvColumn plain = store.column("plain", ColumnOptions.PLAIN);
    ttl.put(key(1, "old"), stamped(1_000, "a"));
    plain.put(key(1, "old"), stamped(1_000, "a"));
    compact();
    assertThat(ttl.get(key(1, "old"))).as("nothing newer written: the clock has not moved").isNotNull();

    ttl.put(key(2, "fresh"), stamped(1_150, "b"));
    ttl.put(key(3, "edge"), stamped(1_050, "c")); // 1050 + 100 is not before 1150
    compact();

    assertThat(ttl.get(key(1, "old"))).isNull();
    assertThat(ttl.get(key(2, "fresh"))).isNotNull();
    assertThat(ttl.get(key(3, "edge"))).isNotNull();
    assertThat(plain.get(key(1, "old"))).isNotNull();
  }

  @Test
  void theFilterIsRebuiltByNameFromItsConfig() {
    ColumnTtlFilter filter = new ColumnTtlFilter();
    filter.setTtl(3, TTL);
    filter.setTtl(5, 0);
    filter.observe(stamped(2_000, ""));
    CompactionFilter rebuilt = Plugins.compactionFilter(ColumnTtlFilter.NAME, filter.config());

    assertThat(rebuilt.config()).isEqualTo(filter.config()).isEqualTo("2000|3:100");
    byte[] column3 = ColumnKeys.stored(key(0, "k"), 3);
    byte[] column5 = ColumnKeys.stored(key(0, "k"), 5);
    assertThat(rebuilt.remove(column3, stamped(1_899, "x"))).isTrue();
    assertThat(rebuilt.remove(column3, stamped(1_900, "x"))).isFalse();
    assertThat(rebuilt.remove(column5, stamped(0, "x"))).isFalse();
    assertThat(new ColumnTtlFilter().config()).isEqualTo(Long.MIN_VALUE + "|");
  }

  @Test
  void aRemoteCompactionWorkerAppliesTheSameFilter() throws Exception {
    try (CompactionWorker worker = new CompactionWorker(fs, "token", "127.0.0.1", 0, new PrintStream(new ByteArrayOutputStream()))) {
      Thread serving = Thread.ofVirtual().start(worker::serve);
      store.close();
      store = new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/remote").withLsmOptions(Options.builder()
          .compactionService(new RemoteCompactionService("127.0.0.1", worker.port(), "token", 10_000)).build()));
      KvColumn ttl = store.column("ttl", new ColumnOptions(false, TTL));
      ttl.put(key(1, "old"), stamped(1_000, "a"));
      store.snapshot(1, KeyGroupRange.of(0, 127)); // one table to compact
      ttl.put(key(2, "fresh"), stamped(1_150, "b"));

      compact();

      assertThat(store.trees().get(0).stats().compactionServiceFailures()).isZero();
      assertThat(store.trees().get(0).stats().compactions()).isPositive();
      assertThat(ttl.get(key(1, "old"))).isNull();
      assertThat(ttl.get(key(2, "fresh"))).isNotNull();
      worker.close();
      serving.join();
    }
  }
}
