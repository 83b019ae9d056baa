package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.plugin.Int64AddOperator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a write-ahead log, writes that never reached an SST survive (close does not flush). */
class WriteAheadLogTest {
  @TempDir Path walDir;
  private final MemoryFileSystem fs = new MemoryFileSystem();

  private Options options() {
    return TestKeys.tiny().walDir(walDir).mergeOperator(new Int64AddOperator()).build();
  }

  private List<Path> logs() throws IOException {
    try (Stream<Path> s = Files.list(walDir)) {
      return s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
  }

  @Test
  void unflushedWritesAreReplayedAfterReopen() throws IOException {
    try (Db db = Db.open(options(), fs, "db")) {
      for (int i = 0; i < 500; i++) {
        db.put(key(i), b("v" + i));
      }
      db.delete(key(7));
      db.merge(b("counter"), Int64AddOperator.encode(5));
      db.write(new WriteBatch().merge(b("counter"), Int64AddOperator.encode(2)).put(key(1000), b("batch")));
    }
    assertThat(logs()).isNotEmpty();
    try (Db db = Db.open(options(), fs, "db")) {
      assertThat(db.count(KeyRange.ALL)).isEqualTo(501);
      assertThat(db.get(key(7))).isNull();
      assertThat(s(db.get(key(499)))).isEqualTo("v499");
      assertThat(s(db.get(key(1000)))).isEqualTo("batch");
      assertThat(Int64AddOperator.decode(db.get(b("counter")))).isEqualTo(7);
      assertThat(logs()).hasSize(1);
      db.put(key(2000), b("after"));
    }
    try (Db db = Db.open(options(), fs, "db")) {
      assertThat(s(db.get(key(2000)))).isEqualTo("after");
      assertThat(db.count(KeyRange.ALL)).isEqualTo(502);
    }
  }

  @Test
  void aTornTailLosesOnlyTheLastBatchAndNeverHalfOfIt() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().writeBufferSize(1 << 20).walDir(walDir).build(), fs, "db")) {
      db.put(key(1), b("one"));
      db.write(new WriteBatch().put(key(2), b("two")).put(key(3), b("three")));
    }
    Path last = logs().get(logs().size() - 1);
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 3);
    }
    try (Db db = Db.open(TestKeys.tiny().walDir(walDir).build(), fs, "db")) {
      assertThat(s(db.get(key(1)))).isEqualTo("one");
      assertThat(db.get(key(2))).isNull();
      assertThat(db.get(key(3))).isNull();
    }
  }

  @Test
  void syncedLogAndFlushedDataDoNotReplayTwice() throws IOException {
    Options synced = TestKeys.tiny().walDir(walDir).walSync(true).mergeOperator(new Int64AddOperator()).build();
    try (Db db = Db.open(synced, fs, "db")) {
      for (int i = 0; i < 300; i++) {
        db.merge(b("c"), Int64AddOperator.encode(1));
      }
      db.flush();
      db.merge(b("c"), Int64AddOperator.encode(1));
    }
    try (Db db = Db.open(synced, fs, "db")) {
      assertThat(Int64AddOperator.decode(db.get(b("c")))).isEqualTo(301);
    }
  }
}
