package io.eddy.bench.lsm;

import io.eddy.fs.LocalFileSystem;
import io.eddy.lsm.CheckpointHandle;
import io.eddy.lsm.Db;
import io.eddy.lsm.DbStats;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Checkpoint time and open-from-checkpoint time at several store sizes. Each store is
 * bulk-loaded in key order (cheap to build), then 100,000 random updates are left in the
 * memtable so the checkpoint includes a real flush. Open-from-checkpoint is timed up to
 * and including the first read. Not a test: prints a Markdown table.
 */
final class CheckpointBench {
  private CheckpointBench() {}

  static void run(Path root, String sizesGb, int valueSize, int blockSize, long cacheBytes, PrintStream out) throws IOException {
    out.println();
    out.println("| data size | files | checkpoint (flush + manifest) | open from checkpoint + first get |");
    out.println("|---:|---:|---:|---:|");
    for (String s : sizesGb.split(",")) {
      double gb = Double.parseDouble(s);
      Path dir = root.resolve(s + "gb");
      LocalFileSystem fs = new LocalFileSystem(dir);
      long keys = (long) (gb * (1L << 30) / (16 + valueSize));
      BenchKeys data = new BenchKeys(keys, valueSize);
      Options options = Options.builder().blockSize(blockSize).blockCacheSize(cacheBytes).build();
      try (Db db = Db.open(options, fs, "db")) {
        for (long i = 0; i < keys; i++) {
          db.put(sequentialKey(i), data.value(i));
        }
        db.compactRange(KeyRange.ALL);
        for (long i = 0; i < 100_000; i++) {
          long k = Math.floorMod(BenchKeys.mix(i), keys);
          db.put(sequentialKey(k), data.value(i));
        }
        long t0 = System.nanoTime();
        CheckpointHandle cp = db.checkpoint();
        long checkpointNanos = System.nanoTime() - t0;
        DbStats stats = db.stats();
        long t1 = System.nanoTime();
        try (Db restored = Db.openFromCheckpoint(Options.builder().blockSize(blockSize).blockCacheSize(cacheBytes).build(), fs,
            cp.manifestPath(), "restored", KeyRange.ALL)) {
          byte[] v = restored.get(sequentialKey(keys / 2));
          long openNanos = System.nanoTime() - t1;
          if (v == null) {
            throw new IllegalStateException("restored store misses a key");
          }
          out.printf("| %.2f GiB | %d | %.3f s | %.3f s |%n", stats.totalFileBytes() / (double) (1L << 30), cp.fileCount(),
              checkpointNanos / 1e9, openNanos / 1e9);
        }
      }
      LsmBenchmark.deleteTree(dir);
    }
  }

  static byte[] sequentialKey(long i) {
    byte[] k = new byte[16];
    for (int b = 0; b < 8; b++) {
      k[8 + b] = (byte) (i >>> (56 - 8 * b));
    }
    return k;
  }
}
