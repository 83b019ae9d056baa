package io.eddy.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The SPI contract, checked on every implementation in this module. */
abstract class FileSystemContractTest {
  abstract FileSystem fs() throws IOException;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void fileIsInvisibleUntilClosedThenImmutable() throws IOException {
    FileSystem fs = fs();
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
    assertThatThrownBy(() -> fs.create("d/a.sst")).isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void abortLeavesNothing() throws IOException {
    FileSystem fs = fs();
    FileOutput out = fs.create("d/b");
    out.write(bytes("partial"));
    out.abort();
    out.close();
    assertThat(fs.exists("d/b")).isFalse();
    assertThat(fs.list("d")).isEmpty();
  }

  @Test
  void listDeleteAndMissingFiles() throws IOException {
    FileSystem fs = fs();
    for (String name : new String[] {"x/2", "x/1", "x/sub/3", "y/4"}) {
      try (FileOutput out = fs.create(name)) {
        out.write(bytes(name));
      }
    }
    assertThat(fs.list("x")).containsExactly("1", "2");
    assertThat(fs.list("nope")).isEmpty();
    assertThat(fs.delete("x/1")).isTrue();
    assertThat(fs.delete("x/1")).isFalse();
    assertThat(fs.list("x")).containsExactly("2");
    assertThatThrownBy(() -> fs.open("x/1")).isInstanceOf(NoSuchFileException.class).hasMessageContaining("x/1");
    assertThatThrownBy(() -> fs.size("x/1")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void positionalReadsAreConcurrentAndBounded() throws Exception {
    FileSystem fs = fs();
    byte[] data = new byte[100_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    try (FileOutput out = fs.create("big")) {
      out.write(data);
    }
    try (ReadHandle h = fs.open("big")) {
      assertThat(h.size()).isEqualTo(data.length);
      Thread[] threads = new Thread[4];
      boolean[] ok = new boolean[threads.length];
      for (int t = 0; t < threads.length; t++) {
        int id = t;
        threads[t] = new Thread(() -> {
          try {
            byte[] buf = new byte[1000];
            for (int i = 0; i < 50; i++) {
              int pos = (id * 7919 + i * 1237) % (data.length - 1000);
              h.readFully(pos, buf, 0, 1000);
              for (int j = 0; j < 1000; j++) {
                if (buf[j] != data[pos + j]) {
                  return;
                }
              }
            }
            ok[id] = true;
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
        threads[t].start();
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(ok).containsOnly(true);
      assertThatThrownBy(() -> h.readFully(data.length - 10, new byte[20], 0, 20))
          .isInstanceOf(EOFException.class)
          .hasMessageContaining("big");
    }
  }
}
