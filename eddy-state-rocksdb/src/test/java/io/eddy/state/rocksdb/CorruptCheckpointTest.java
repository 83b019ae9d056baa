package io.eddy.state.rocksdb;

import static io.eddy.state.rocksdb.TestStores.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing, truncated or corrupt checkpoint file fails the restore with an error naming it. */
class CorruptCheckpointTest {
  static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

  @TempDir Path temp;
  RocksDbKvStore source;
  RocksDbKvStore target;
  byte[] handle;
  Path sst;

  @BeforeEach
  void checkpoint() throws IOException {
    source = new RocksDbKvStore(TestStores.settings(temp));
    KvColumn column = source.column("c", ColumnOptions.PLAIN);
    for (int i = 0; i < 1000; i++) {
      column.put(key(i % 128, "k" + i), new byte[100]);
    }
    handle = Checkpoints.take(source, 1, ALL);
    sst = Path.of(CheckpointHandle.decode(handle).files().stream().filter(f -> CheckpointFile.isSst(f.name()))
        .findFirst().orElseThrow().path());
    target = new RocksDbKvStore(TestStores.settings(temp));
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  void restore() throws IOException {
    target.restore(List.of(new KeyedStateHandle(ALL, handle)), ALL);
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Files.delete(sst);
    assertThatThrownBy(this::restore).isInstanceOf(IOException.class)
        .hasMessageContaining(sst.toString()).hasMessageContaining("missing");
  }

  @Test
  void aTruncatedFileIsNamed() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(sst.toFile(), "rw")) {
      file.setLength(file.length() - 10);
    }
    assertThatThrownBy(this::restore).isInstanceOf(IOException.class)
        .hasMessageContaining(sst.toString()).hasMessageContaining("truncated");
  }

  @Test
  void aCorruptFileIsNamed() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(sst.toFile(), "rw")) {
      file.seek(50);
      int b = file.read();
      file.seek(50);
      file.write(b ^ 0x40);
    }
    assertThatThrownBy(this::restore).isInstanceOf(IOException.class)
        .hasMessageContaining(sst.toString()).hasMessageContaining("corrupt");
  }

  @Test
  void aFailedRestoreLeavesNothingOpen() throws IOException {
    Files.delete(sst);
    assertThatThrownBy(this::restore).isInstanceOf(IOException.class);
    Path local = target.localDirectory();
    target.close();
    assertThat(local).doesNotExist();
  }

  @Test
  void aHandleOfAnotherKindIsRejected() {
    assertThatThrownBy(() -> target.restore(List.of(new KeyedStateHandle(ALL, new byte[] {1, 2, 3, 4, 5})), ALL))
        .isInstanceOf(IOException.class).hasMessageContaining("not a rocksdb checkpoint handle");
  }
}
