package io.eddy.lsm.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.FaultInjectingFileSystem;
import io.eddy.fs.FaultRule;
import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.MemoryFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileCacheTest {
  @TempDir Path local;
  private final MemoryFileSystem mem = new MemoryFileSystem();
  private final FaultInjectingFileSystem remote = new FaultInjectingFileSystem(mem, 1);

  private byte[] put(FileSystem fs, String path, int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    try (FileOutput out = fs.create(path)) {
      out.write(data);
    }
    return data;
  }

  @Test
  void fetchesChunksOnDemandAndServesRepeatsLocally() throws IOException {
    byte[] data = put(mem, "f", 1 << 20);
    try (LocalFileCache cache = new LocalFileCache(local, 1 << 20, 64 << 10, false)) {
      FileSystem fs = cache.wrap(remote);
      assertThat(fs.read("f", 100_000, 1000)).isEqualTo(java.util.Arrays.copyOfRange(data, 100_000, 101_000));
      assertThat(cache.stats().misses()).isEqualTo(1);
      assertThat(cache.stats().usedBytes()).isEqualTo(64 << 10);
      remote.add(FaultRule.fail(FaultRule.Op.READ, ""));
      assertThat(fs.read("f", 70_000, 5000)).isEqualTo(java.util.Arrays.copyOfRange(data, 70_000, 75_000));
      assertThat(cache.stats().hits()).isEqualTo(1);
      remote.clear();
      assertThat(fs.read("f", 60_000, 10_000)).isEqualTo(java.util.Arrays.copyOfRange(data, 60_000, 70_000));
      assertThat(cache.stats().misses()).isEqualTo(2);
    }
  }

  @Test
  void staysWithinCapacityByEvictingLeastRecentlyUsedFiles() throws IOException {
    for (int i = 0; i < 8; i++) {
      put(mem, "f" + i, 128 << 10);
    }
    try (LocalFileCache cache = new LocalFileCache(local, 256 << 10, 64 << 10, false)) {
      FileSystem fs = cache.wrap(remote);
      for (int i = 0; i < 8; i++) {
        fs.readAll("f" + i);
        assertThat(cache.stats().usedBytes()).isLessThanOrEqualTo(256 << 10);
      }
      long misses = cache.stats().misses();
      fs.readAll("f7");
      assertThat(cache.stats().misses()).isEqualTo(misses);
      fs.readAll("f0");
      assertThat(cache.stats().misses()).isEqualTo(misses + 2);
    }
  }

  @Test
  void writeThroughCachesNewFilesWhole() throws IOException {
    try (LocalFileCache cache = new LocalFileCache(local, 1 << 20, 64 << 10, true)) {
      FileSystem fs = cache.wrap(remote);
      byte[] data = put(fs, "new.sst", 300_000);
      assertThat(mem.readAll("new.sst")).isEqualTo(data);
      remote.add(FaultRule.fail(FaultRule.Op.READ, ""));
      assertThat(fs.readAll("new.sst")).isEqualTo(data);
      assertThat(cache.stats().misses()).isZero();
      fs.delete("new.sst");
      assertThat(cache.stats().usedBytes()).isZero();
    }
  }
}
