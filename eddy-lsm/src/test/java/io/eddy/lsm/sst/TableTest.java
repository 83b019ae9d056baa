package io.eddy.lsm.sst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FaultInjectingFileSystem;
import io.eddy.fs.FaultRule;
import io.eddy.fs.FileOutput;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.iter.Lookup;
import io.eddy.lsm.util.CorruptionException;
import io.eddy.lsm.util.InternalKey;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TableTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();

  static byte[] key(int i) {
    return String.format("user-%07d", i).getBytes();
  }

  private TableInfo write(String path, int n, Compression compression) throws IOException {
    TableBuilder b = new TableBuilder(fs.create(path), new TableOptions(512, 4, 10, compression), "");
    for (int i = 0; i < n; i++) {
      byte[] v = ("value-" + i + "-" + "x".repeat(i % 40)).getBytes();
      b.add(key(i * 2), InternalKey.trailer(i + 1, InternalKey.TYPE_PUT), v);
    }
    return b.finish();
  }

  @Test
  void roundTripWithIteratorSeekAndGet() throws IOException {
    for (Compression c : Compression.values()) {
      String path = "t-" + c + ".sst";
      TableInfo info = write(path, 5000, c);
      assertThat(info.entries()).isEqualTo(5000);
      assertThat(info.smallest()).isEqualTo(key(0));
      assertThat(info.largest()).isEqualTo(key(9998));
      try (TableReader r = TableReader.open(fs, path, info.size(), new BlockCache(1 << 20))) {
        TableIterator it = r.iterator(0);
        int n = 0;
        for (it.seekToFirst(); it.valid(); it.next()) {
          assertThat(it.key()).isEqualTo(key(n * 2));
          n++;
        }
        assertThat(n).isEqualTo(5000);
        it.seek(key(1001), InternalKey.seekTrailer(InternalKey.MAX_SEQUENCE));
        assertThat(it.key()).isEqualTo(key(1002));
        TableIterator chunked = r.iterator(4096);
        chunked.seekToFirst();
        int m = 0;
        for (; chunked.valid(); chunked.next()) {
          m++;
        }
        assertThat(m).isEqualTo(5000);
        Lookup hit = new Lookup(key(4444), InternalKey.MAX_SEQUENCE);
        r.get(hit);
        assertThat(new String(hit.result(null))).startsWith("value-2222-");
        Lookup early = new Lookup(key(4444), 10);
        r.get(early);
        assertThat(early.result(null)).isNull();
        int falsePositives = 0;
        for (int i = 0; i < 2000; i++) {
          if (r.mayContain(key(i * 2 + 1))) {
            falsePositives++;
          }
        }
        assertThat(falsePositives).isLessThan(60);
      }
    }
  }

  @Test
  void flippedBitsAreCaughtByChecksumsAndNameTheFile() throws IOException {
    TableInfo info = write("c.sst", 3000, Compression.LZ4);
    FaultInjectingFileSystem faulty = new FaultInjectingFileSystem(fs, 3);
    try (TableReader r = TableReader.open(faulty, "c.sst", info.size(), new BlockCache(1 << 20))) {
      faulty.add(FaultRule.flipByte("c\\.sst", 1));
      Lookup l = new Lookup(key(100), InternalKey.MAX_SEQUENCE);
      assertThatThrownBy(() -> r.get(l)).isInstanceOf(CorruptionException.class).hasMessageContaining("c.sst");
      Lookup again = new Lookup(key(100), InternalKey.MAX_SEQUENCE);
      r.get(again);
      assertThat(again.result(null)).isNotNull();
    }
    faulty.add(FaultRule.flipByte("c\\.sst", 1));
    assertThatThrownBy(() -> TableReader.open(faulty, "c.sst", info.size(), new BlockCache(0)))
        .isInstanceOf(CorruptionException.class)
        .hasMessageContaining("c.sst");
  }

  @Test
  void truncatedOrForeignFilesAreRejected() throws IOException {
    try (FileOutput out = fs.create("junk.sst")) {
      out.write(new byte[100]);
    }
    assertThatThrownBy(() -> TableReader.open(fs, "junk.sst", 100, new BlockCache(0))).isInstanceOf(CorruptionException.class).hasMessageContaining("junk.sst");
    assertThatThrownBy(() -> TableReader.open(fs, "junk.sst", 10, new BlockCache(0))).isInstanceOf(CorruptionException.class);
  }

  @Test
  void failedWritesPublishNothing() throws IOException {
    FaultInjectingFileSystem faulty = new FaultInjectingFileSystem(fs, 1).add(FaultRule.failTimes(FaultRule.Op.PUBLISH, "", 1));
    TableBuilder b = new TableBuilder(faulty.create("f.sst"), TableOptions.DEFAULT, "");
    b.add(key(1), InternalKey.trailer(1, InternalKey.TYPE_PUT), new byte[10]);
    assertThatThrownBy(b::finish).isInstanceOf(IOException.class);
    assertThat(fs.exists("f.sst")).isFalse();
  }
}
