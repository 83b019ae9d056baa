package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link FileSystem} contract (as eddy-fs checks it on its own implementations) on a real
 * S3 server, plus what is particular to S3: paging, conditional publish, replaced objects.
 */
final class S3FileSystemTest extends S3ServerTest {
  private S3FileSystem fs;

  @BeforeEach
  void newFileSystem() {
    fs = new S3FileSystem(server.settings().listPageSize(7).build(), bucket);
  }

  @AfterEach
  void closeFs() {
    fs.close();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void write(String path, byte[] data) throws IOException {
    try (FileOutput out = fs.create(path)) {
      out.write(data);
    }
  }

  @Test
  void fileIsInvisibleUntilClosedThenImmutable() throws IOException {
    FileOutput out = fs.create("d/a.sst");
    out.write(bytes("hello world"));
    assertThat(fs.exists("d/a.sst")).isFalse();
    assertThat(fs.list("d")).isEmpty();
    assertThat(out.position()).isEqualTo(11);
    out.close();
    assertThat(fs.exists("d/a.sst")).isTrue();
    assertThat(fs.size("d/a.sst")).isEqualTo(11);
    assertThat(fs.read("d/a.sst", 6, 5)).isEqualTo(bytes("world"));
    assertThat(fs.readAll("d/a.sst")).isEqualTo(bytes("hello world"));
    assertThatThrownBy(() -> fs.create("d/a.sst"))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("s3://" + bucket + "/d/a.sst");
  }

  @Test
  void abortLeavesNothing() throws IOException {
    FileOutput out = fs.create("d/b");
    out.write(bytes("partial"));
    out.abort();
    out.close();
    assertThat(fs.exists("d/b")).isFalse();
    assertThat(fs.list("d")).isEmpty();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
  }

  @Test
  void listDeleteAndMissingFiles() throws IOException {
    for (String name : new String[] {"x/2", "x/1", "x/sub/3", "y/4", "x0"}) {
      write(name, bytes(name));
    }
    assertThat(fs.list("x")).containsExactly("1", "2");
    assertThat(fs.list("x/")).containsExactly("1", "2");
    assertThat(fs.list("")).containsExactly("x0");
    assertThat(fs.list("nope")).isEmpty();
    assertThat(fs.delete("x/1")).isTrue();
    assertThat(fs.delete("x/1")).isFalse();
    assertThat(fs.list("x")).containsExactly("2");
    String missing = "s3://" + bucket + "/x/1";
    assertThatThrownBy(() -> fs.open("x/1")).isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing);
    assertThatThrownBy(() -> fs.size("x/1")).isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing);
    assertThatThrownBy(() -> fs.readAll("x/1")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void plainPathsAndUrisNameTheSameObject() throws IOException {
    write("s3://" + bucket + "/dir/f", bytes("uri"));
    assertThat(fs.readAll("dir/f")).isEqualTo(bytes("uri"));
    assertThat(fs.readAll("/dir/f")).isEqualTo(bytes("uri"));
    assertThat(fs.list("s3://" + bucket + "/dir")).containsExactly("f");
    String other = server.newBucket();
    write("s3://" + other + "/dir/g", bytes("other bucket"));
    assertThat(fs.list("dir")).containsExactly("f");
    assertThat(fs.readAll("s3://" + other + "/dir/g")).isEqualTo(bytes("other bucket"));
    assertThatThrownBy(() -> fs.create("s3://" + bucket)).isInstanceOf(IOException.class);
  }

  @Test
  void listingPagesThroughManyKeysInOrder() throws IOException {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = String.format("f%03d", 39 - i);
      write("many/" + name, new byte[] {(byte) i});
      expected.add(name);
      if (i % 10 == 0) {
        write("many/sub" + i + "/nested", new byte[0]);
      }
    }
    expected.sort(null);
    assertThat(fs.list("many")).containsExactlyElementsOf(expected); // 7 keys a page: 6+ pages
  }

  @Test
  void rangedReadsAtAnyOffsetUpToTheEnd() throws Exception {
    byte[] data = new byte[100_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    write("big", data);
    try (ReadHandle h = fs.open("big")) {
      assertThat(h.size()).isEqualTo(data.length);
      assertThat(h.path()).isEqualTo("s3://" + bucket + "/big");
      byte[] last = new byte[1];
      h.readFully(data.length - 1, last, 0, 1);
      assertThat(last[0]).isEqualTo(data[data.length - 1]);
      byte[] middle = new byte[10];
      h.readFully(50_000, middle, 3, 4);
      assertThat(Arrays.copyOfRange(middle, 3, 7))
          .isEqualTo(Arrays.copyOfRange(data, 50_000, 50_004));
      h.readFully(data.length, new byte[0], 0, 0);
      assertThatThrownBy(() -> h.readFully(data.length - 10, new byte[20], 0, 20))
          .isInstanceOf(EOFException.class)
          .hasMessageContaining("s3://" + bucket + "/big");
      assertThatThrownBy(() -> h.readFully(-1, new byte[1], 0, 1)).isInstanceOf(EOFException.class);
      readConcurrently(h, data);
    }
    assertThat(fs.readAll("big")).isEqualTo(data);
  }

  /** Four threads share the handle; each checks 20 ranges against the data. */
  private static void readConcurrently(ReadHandle h, byte[] data) throws Exception {
    List<Callable<Boolean>> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      readers.add(() -> {
        byte[] buf = new byte[1000];
        boolean same = true;
        for (int i = 0; i < 20; i++) {
          int pos = (seed * 7919 + i * 1237) % (data.length - buf.length);
          h.readFully(pos, buf, 0, buf.length);
          same &= Arrays.equals(buf, 0, buf.length, data, pos, pos + buf.length);
        }
        return same;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(readers.size());
    try {
      for (Future<Boolean> result : pool.invokeAll(readers)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyFile() throws IOException {
    write("empty", new byte[0]);
    assertThat(fs.size("empty")).isZero();
    assertThat(fs.readAll("empty")).isEmpty();
  }

  @Test
  void ofTwoRacingWritersOnlyTheFirstToClosePublishes() throws IOException {
    FileOutput first = fs.create("race");
    FileOutput second = fs.create("race"); // both pass the existence check
    first.write(bytes("first"));
    second.write(bytes("second"));
    first.close();
    assertThatThrownBy(second::close)
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("s3://" + bucket + "/race");
    assertThat(fs.readAll("race")).isEqualTo(bytes("first"));
  }

  @Test
  void aHandleRefusesToReadAKeyWrittenAnewAfterItsOpen() throws IOException {
    write("k", bytes("old"));
    try (ReadHandle h = fs.open("k")) {
      fs.delete("k");
      write("k", bytes("new"));
      assertThatThrownBy(() -> h.readFully(0, new byte[3], 0, 3))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("s3://" + bucket + "/k");
    }
  }

  @Test
  void readingADeletedFileIsNoSuchFile() throws IOException {
    write("gone", bytes("soon"));
    try (ReadHandle h = fs.open("gone")) {
      fs.delete("gone");
      assertThatThrownBy(() -> h.readFully(0, new byte[4], 0, 4)).isInstanceOf(NoSuchFileException.class);
    }
  }
}
