package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.CountingFileSystem;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ForwardingFileSystem;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a store on a slow (remote) FileSystem does so that its readers wait as little as
 * possible: flushes and compactions open their output files before installing them, a flush
 * may fill the block cache with what it wrote, and the lookups of a multi-get that the caches
 * miss read concurrently. Counted in bytes read and in concurrent reads, not in time.
 */
class RemoteReadPathTest {
  private static final int KEYS = 300;

  private static Options.Builder options() {
    return TestKeys.tiny().writeBufferSize(1 << 20).blockCacheSize(1 << 20).disableAutoCompaction(true);
  }

  @Test
  void aFlushThatPrepopulatesTheCacheLeavesNothingToReadForItsKeys() throws IOException {
    CountingFileSystem fs = new CountingFileSystem(new MemoryFileSystem());
    try (Db db = Db.open(options().prepopulateBlockCacheOnFlush(true).build(), fs, "db")) {
      for (int i = 0; i < KEYS; i++) {
        db.put(key(i), b("v" + i));
      }
      db.flush();
      assertThat(db.stats().levelFiles()[0]).isEqualTo(1);
      long before = fs.bytesRead();
      for (int i = 0; i < KEYS; i++) {
        assertThat(s(db.get(key(i)))).isEqualTo("v" + i);
      }
      assertThat(fs.bytesRead()).isEqualTo(before);
    }
  }

  @Test
  void flushesAndCompactionsOpenTheirOutputsBeforeReadersSeeThem() throws IOException {
    CountingFileSystem fs = new CountingFileSystem(new MemoryFileSystem());
    try (Db db = Db.open(options().build(), fs, "db")) {
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < KEYS; i += 2) {
          db.put(key(i), b("r" + round + "-" + i));
        }
        db.flush();
      }
      db.compactRange(KeyRange.ALL); // two overlapping level-0 files: rewritten, not moved
      assertThat(db.stats().levelFiles()[0]).isZero();
      long before = fs.bytesRead();
      List<byte[]> absent = new ArrayList<>();
      for (int i = 1; i < KEYS; i += 2) {
        absent.add(key(i)); // inside the files' key range: only an open table's filter answers without a read
      }
      BitSet answered = new BitSet();
      List<byte[]> got = db.multiGetCached(absent, answered);
      assertThat(answered.cardinality()).isGreaterThanOrEqualTo(absent.size() * 9 / 10); // bloom filters' false positives aside
      for (int i = answered.nextSetBit(0); i >= 0; i = answered.nextSetBit(i + 1)) {
        assertThat(got.get(i)).isNull();
      }
      assertThat(fs.bytesRead()).isEqualTo(before);
      assertThat(s(db.get(key(42)))).isEqualTo("r1-42");
    }
  }

  @Test
  void aMultiGetReadsTheBlocksItsCachesMissConcurrently() throws IOException {
    GatedReads fs = new GatedReads(new MemoryFileSystem());
    try (Db db = Db.open(options().build(), fs, "db")) {
      for (int i = 0; i < KEYS; i++) {
        db.put(key(i), b("v" + i));
      }
      db.flush(); // opens the file: what is left to read is one data block per key below
      List<byte[]> keys = List.of(key(0), key(60), key(120), key(180), key(240));
      fs.expect(keys.size());
      List<byte[]> got = db.multiGet(keys);
      for (int i = 0; i < keys.size(); i++) {
        assertThat(s(got.get(i))).isEqualTo("v" + (60 * i));
      }
      assertThat(fs.maxConcurrentReads()).isEqualTo(keys.size());
    }
  }

  /**
   * Holds each read, once armed, until {@code n} reads wait together (or a second passed), and
   * records how many ever waited at once: sequential reads give 1, fully overlapped ones n.
   */
  private static final class GatedReads extends ForwardingFileSystem {
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private volatile CountDownLatch gate;

    GatedReads(FileSystem delegate) {
      super(delegate);
    }

    void expect(int n) {
      gate = new CountDownLatch(n);
    }

    int maxConcurrentReads() {
      return maxWaiting.get();
    }

    @Override
    protected void readFully(ReadHandle handle, long position, byte[] dst, int offset, int length) throws IOException {
      CountDownLatch g = gate;
      if (g != null) {
        maxWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
        g.countDown();
        try {
          g.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          waiting.decrementAndGet();
        }
      }
      handle.readFully(position, dst, offset, length);
    }
  }
}
