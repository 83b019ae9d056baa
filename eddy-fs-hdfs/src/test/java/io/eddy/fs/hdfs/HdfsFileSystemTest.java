package io.eddy.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystems;
import io.eddy.fs.ReadHandle;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** The {@link io.eddy.fs.FileSystem} contract on a real in-process HDFS. */
@Timeout(60)
class HdfsFileSystemTest {
  private static MiniHdfs hdfs;
  private static HdfsFileSystemFactory factory;
  private static HdfsFileSystem fs;

  /** {@code hdfs://127.0.0.1:port/<test name>/}: each test works in its own directory. */
  private String dir;

  @BeforeAll
  static void startCluster() throws Exception {
    hdfs = MiniHdfs.start("fs");
    factory = new HdfsFileSystemFactory(MiniHdfs.clientConf());
    fs = factory.create(URI.create("hdfs://" + hdfs.authority() + "/"));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try (MiniHdfs cluster = hdfs) {
      if (fs != null) {
        fs.close();
      }
    }
  }

  @BeforeEach
  void testDirectory(TestInfo test) {
    dir = "hdfs://" + hdfs.authority() + "/" + test.getTestMethod().orElseThrow().getName() + "/";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] pattern(int size, int seed) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 31 + seed + (i >>> 11));
    }
    return data;
  }

  private void write(String path, byte[] data) throws IOException {
    try (FileOutput out = fs.create(path)) {
      out.write(data);
    }
  }

  /** The names in this test's directory as raw HDFS sees them, temporaries included. */
  private List<String> raw() throws IOException {
    return hdfs.rawNames(URI.create(dir).getPath());
  }

  @Test
  void fileIsVisibleOnlyAfterClose() throws IOException {
    FileOutput out = fs.create(dir + "a.sst");
    out.write(bytes("hello "));
    out.write('w');
    out.write(bytes("orld"));
    assertThat(out.position()).isEqualTo(11);
    assertThat(out.path()).isEqualTo(dir + "a.sst");
    assertThat(fs.exists(dir + "a.sst")).isFalse();
    assertThat(fs.list(dir)).isEmpty();
    assertThat(raw()).singleElement().asString().startsWith(".a.sst.").endsWith(".inprogress");
    assertThatThrownBy(() -> fs.open(dir + "a.sst")).isInstanceOf(NoSuchFileException.class);

    out.close();
    out.close();
    assertThat(fs.exists(dir + "a.sst")).isTrue();
    assertThat(fs.size(dir + "a.sst")).isEqualTo(11);
    assertThat(fs.readAll(dir + "a.sst")).isEqualTo(bytes("hello world"));
    assertThat(fs.read(dir + "a.sst", 6, 5)).isEqualTo(bytes("world"));
    assertThat(raw()).containsExactly("a.sst");
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining(dir + "a.sst");
  }

  @Test
  void abortLeavesNothing() throws IOException {
    FileOutput out = fs.create(dir + "b");
    out.write(pattern(300_000, 1));
    out.abort();
    out.abort();
    out.close();
    assertThat(fs.exists(dir + "b")).isFalse();
    assertThat(fs.list(dir)).isEmpty();
    assertThat(raw()).isEmpty();
  }

  @Test
  void createOnAnExistingPathFails() throws IOException {
    write(dir + "c", bytes("first"));
    assertThatThrownBy(() -> fs.create(dir + "c"))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining(dir + "c");
    assertThat(fs.readAll(dir + "c")).isEqualTo(bytes("first"));
  }

  @Test
  void ofTwoRacingWritersTheSecondToCloseFailsAndLeavesNoTemporary() throws IOException {
    FileOutput first = fs.create(dir + "race");
    FileOutput second = fs.create(dir + "race");
    second.write(bytes("second"));
    first.write(bytes("first"));
    second.close();
    assertThatThrownBy(first::close).isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining(dir + "race");
    assertThat(fs.readAll(dir + "race")).isEqualTo(bytes("second"));
    assertThat(raw()).containsExactly("race");
  }

  @Test
  void missingFilesAreNamedNoSuchFile() throws IOException {
    String missing = dir + "nope";
    assertThat(fs.exists(missing)).isFalse();
    assertThat(fs.delete(missing)).isFalse();
    assertThatThrownBy(() -> fs.open(missing)).isInstanceOf(NoSuchFileException.class).hasMessage(missing);
    assertThatThrownBy(() -> fs.size(missing)).isInstanceOf(NoSuchFileException.class).hasMessage(missing);
    assertThatThrownBy(() -> fs.read(missing, 0, 1)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void directoriesAreNotFiles() throws IOException {
    write(dir + "sub/f", bytes("f"));
    String sub = dir + "sub";
    assertThat(fs.exists(sub)).isFalse();
    assertThatThrownBy(() -> fs.open(sub)).isInstanceOf(NoSuchFileException.class).hasMessageContaining(sub);
    assertThatThrownBy(() -> fs.size(sub)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> fs.create(sub)).isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void rangedReadsAtEveryOffsetAndTheEndOfFile() throws IOException {
    byte[] data = pattern(10_000, 7);
    write(dir + "r", data);
    try (ReadHandle h = fs.open(dir + "r")) {
      assertThat(h.size()).isEqualTo(data.length);
      assertThat(h.path()).isEqualTo(dir + "r");
      int[][] ranges = {{0, 1}, {0, 10_000}, {1, 512}, {511, 2}, {4_321, 1_234}, {9_999, 1}, {9_000, 1_000}, {10_000, 0}};
      for (int[] range : ranges) {
        byte[] buf = new byte[range[1] + 4];
        h.readFully(range[0], buf, 2, range[1]);
        for (int i = 0; i < range[1]; i++) {
          assertThat(buf[2 + i]).as("byte %d of [%d, +%d)", i, range[0], range[1]).isEqualTo(data[range[0] + i]);
        }
      }
      assertThatThrownBy(() -> h.readFully(9_990, new byte[20], 0, 20))
          .isInstanceOf(EOFException.class)
          .hasMessageContaining(dir + "r")
          .hasMessageContaining("[9990, 10010) of 10000 bytes");
      assertThatThrownBy(() -> h.readFully(10_000, new byte[1], 0, 1)).isInstanceOf(EOFException.class);
      assertThatThrownBy(() -> h.readFully(-1, new byte[1], 0, 1)).isInstanceOf(EOFException.class);
    }
    assertThatThrownBy(() -> fs.read(dir + "r", 5_000, 5_001)).isInstanceOf(EOFException.class);
  }

  @Test
  void emptyFile() throws IOException {
    write(dir + "empty", new byte[0]);
    assertThat(fs.size(dir + "empty")).isZero();
    assertThat(fs.readAll(dir + "empty")).isEmpty();
    assertThat(fs.list(dir)).containsExactly("empty");
  }

  @Test
  void listIsSortedAndShowsOnlyFilesDirectlyInside() throws IOException {
    for (String name : new String[] {"x/b", "x/a", "x/c10", "x/c2", "x/sub/deep", "y/other"}) {
      write(dir + name, bytes(name));
    }
    FileOutput pending = fs.create(dir + "x/pending");
    assertThat(fs.list(dir + "x")).containsExactly("a", "b", "c10", "c2");
    assertThat(fs.list(dir + "x/")).containsExactly("a", "b", "c10", "c2");
    assertThat(fs.list(dir)).isEmpty();
    assertThat(fs.list(dir + "x/sub")).containsExactly("deep");
    assertThat(fs.list(dir + "missing")).isEmpty();
    assertThat(fs.list(dir + "x/a")).as("a file is no directory").isEmpty();
    pending.abort();
  }

  @Test
  void plainPathsMeanTheDefaultNamenode() throws IOException {
    String absolute = URI.create(dir).getPath();
    write(absolute + "p", bytes("plain"));
    assertThat(fs.readAll(dir + "p")).isEqualTo(bytes("plain"));
    assertThat(fs.list(absolute.substring(1))).containsExactly("p");
    assertThat(fs.exists(dir + "./p")).isTrue();
    assertThatThrownBy(() -> fs.open(absolute + "q")).isInstanceOf(NoSuchFileException.class).hasMessage(dir + "q");
  }

  @Test
  void deleteRemovesOnceThenReportsMissing() throws IOException {
    write(dir + "1", bytes("1"));
    write(dir + "2", bytes("2"));
    assertThat(fs.delete(dir + "1")).isTrue();
    assertThat(fs.delete(dir + "1")).isFalse();
    assertThat(fs.list(dir)).containsExactly("2");
    assertThat(fs.exists(dir + "1")).isFalse();
    write(dir + "1", bytes("again"));
    assertThat(fs.readAll(dir + "1")).isEqualTo(bytes("again"));
  }

  @Test
  void largeFileSpansBlocks() throws IOException {
    byte[] data = pattern(5 * MiniHdfs.BLOCK_SIZE + 12_345, 3);
    try (FileOutput out = fs.create(dir + "large")) {
      for (int off = 0; off < data.length; off += 77_777) {
        out.write(data, off, Math.min(77_777, data.length - off));
      }
      assertThat(out.position()).isEqualTo(data.length);
    }
    assertThat(fs.size(dir + "large")).isEqualTo(data.length);
    assertThat(fs.readAll(dir + "large")).isEqualTo(data);
    int across = 2 * MiniHdfs.BLOCK_SIZE - 100;
    byte[] expected = Arrays.copyOfRange(data, across, across + 200);
    assertThat(fs.read(dir + "large", across, 200)).isEqualTo(expected);
  }

  @Test
  void concurrentWritersAndReaders() throws Exception {
    int threads = 6;
    int filesEach = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < filesEach; i++) {
            write(dir + "w" + id + "-" + i, pattern(20_000 + i, id));
          }
          return null;
        }));
      }
      for (Future<?> w : writers) {
        w.get();
      }
      assertThat(fs.list(dir)).hasSize(threads * filesEach).isSorted();
      for (int t = 0; t < threads; t++) {
        assertThat(fs.readAll(dir + "w" + t + "-" + (filesEach - 1))).isEqualTo(pattern(20_000 + filesEach - 1, t));
      }

      byte[] data = pattern(200_000, 9);
      write(dir + "shared", data);
      try (ReadHandle h = fs.open(dir + "shared")) {
        List<Future<?>> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          readers.add(pool.submit(() -> {
            byte[] buf = new byte[1_000];
            for (int i = 0; i < 40; i++) {
              int pos = (id * 7_919 + i * 4_999) % (data.length - buf.length);
              h.readFully(pos, buf, 0, buf.length);
              assertThat(buf).isEqualTo(Arrays.copyOfRange(data, pos, pos + buf.length));
            }
            return null;
          }));
        }
        for (Future<?> r : readers) {
          r.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void registryServesHdfsUris() throws IOException {
    assertThat(FileSystems.supports("hdfs")).isTrue();
    String path = dir + "via-registry";
    try (var registered = FileSystems.forPath("hdfs://" + hdfs.authority() + "/x")) {
      assertThat(registered).isInstanceOf(HdfsFileSystem.class);
      assertThat(registered.scheme()).isEqualTo("hdfs");
      try (FileOutput out = registered.create(path)) {
        out.write(bytes("registered"));
      }
    }
    assertThat(fs.readAll(path)).isEqualTo(bytes("registered"));
  }

  @Test
  void fileSystemsShareClientsAndCloseIndependently() throws IOException {
    HdfsFileSystem other = factory.create(URI.create("hdfs://" + hdfs.authority()));
    write(dir + "f", bytes("f"));
    assertThat(other.exists(dir + "f")).isTrue();
    other.close();
    other.close();
    assertThat(fs.exists(dir + "f")).as("the shared client stays open for fs").isTrue();
    assertThatThrownBy(() -> other.exists(dir + "f")).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void closingTheLastHolderClosesTheClientAndItsOpenOutputsPublishNothing() throws IOException {
    HdfsFileSystem alone = new HdfsFileSystemFactory(MiniHdfs.clientConf()).create(URI.create(dir));
    FileOutput out = alone.create(dir + "orphan");
    out.write(bytes("never published"));
    alone.close();
    assertThatThrownBy(() -> out.write(pattern(200_000, 0)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(dir + "orphan");
    assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessageContaining(dir + "orphan");
    assertThat(fs.exists(dir + "orphan")).isFalse();
    assertThat(fs.list(dir)).isEmpty();
  }
}
