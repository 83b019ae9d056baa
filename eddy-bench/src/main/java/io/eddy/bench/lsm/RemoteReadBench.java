package io.eddy.bench.lsm;

import io.eddy.fs.FaultInjectingFileSystem;
import io.eddy.fs.FaultRule;
import io.eddy.fs.LocalFileSystem;
import io.eddy.lsm.CheckpointHandle;
import io.eddy.lsm.Db;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import io.eddy.lsm.cache.LocalFileCache;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reads from a "remote" FileSystem that adds 5 ms to every read: a store is built
 * locally, checkpointed, then opened from the checkpoint through a delaying FileSystem.
 * Measures single gets and multiGet batches of 100 with cold caches, then warm, with and
 * without the local-disk file cache. Not a test: prints a Markdown table.
 */
final class RemoteReadBench {
  private static final long DELAY_MS = 5;

  private RemoteReadBench() {}

  static void run(Path root, long keys, int valueSize, int blockSize, PrintStream out) throws IOException {
    LocalFileSystem local = new LocalFileSystem(root);
    BenchKeys data = new BenchKeys(keys, valueSize);
    CheckpointHandle cp;
    try (Db db = Db.open(Options.defaults(), local, "source")) {
      for (long i = 0; i < keys; i++) {
        db.put(data.present(i), data.value(i));
      }
      db.compactRange(KeyRange.ALL);
      cp = db.checkpoint();
    }
    out.println();
    out.printf("Remote reads: %d keys, every FileSystem read delayed %d ms.%n%n", keys, DELAY_MS);
    out.println("| setup | access | cache state | keys/s |");
    out.println("|---|---|---|---:|");
    int run = 0;
    for (boolean fileCache : new boolean[] {false, true}) {
      FaultInjectingFileSystem remote = new FaultInjectingFileSystem(local, 1).add(FaultRule.delay(FaultRule.Op.READ, "", DELAY_MS));
      Options.Builder ob = Options.builder().blockSize(blockSize).blockCacheSize(64L << 20);
      LocalFileCache cache = null;
      if (fileCache) {
        cache = new LocalFileCache(root.resolve("local-cache-" + run), 1L << 30, 64 << 10, true);
        ob.fileCache(cache);
      }
      String setup = fileCache ? "block cache 64 MiB + local file cache 1 GiB (64 KiB chunks)" : "block cache 64 MiB only";
      try (Db db = Db.openFromCheckpoint(ob.build(), remote, cp.manifestPath(), "restored-" + run++, KeyRange.ALL)) {
        Random rnd = new Random(3);
        List<byte[]> sample = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
          sample.add(data.present(Math.floorMod(rnd.nextLong(), keys)));
        }
        out.printf("| %s | get | cold | %,.0f |%n", setup, gets(db, sample.subList(0, 200)));
        out.printf("| %s | multiGet x100 | cold | %,.0f |%n", setup, multiGets(db, sample.subList(200, 4000)));
        out.printf("| %s | get | warm | %,.0f |%n", setup, gets(db, sample.subList(200, 4000)));
        out.printf("| %s | multiGet x100 | warm | %,.0f |%n", setup, multiGets(db, sample.subList(200, 4000)));
        if (cache != null) {
          out.printf("| %s | (%s) | | |%n", setup, cache.stats());
        }
      }
      if (cache != null) {
        cache.close();
      }
    }
  }

  private static double gets(Db db, List<byte[]> keys) throws IOException {
    long t = System.nanoTime();
    for (byte[] k : keys) {
      if (db.get(k) == null) {
        throw new IllegalStateException("missing key");
      }
    }
    return keys.size() * 1e9 / (System.nanoTime() - t);
  }

  private static double multiGets(Db db, List<byte[]> keys) throws IOException {
    long t = System.nanoTime();
    for (int i = 0; i < keys.size(); i += 100) {
      for (byte[] v : db.multiGet(keys.subList(i, Math.min(keys.size(), i + 100)))) {
        if (v == null) {
          throw new IllegalStateException("missing key");
        }
      }
    }
    return keys.size() * 1e9 / (System.nanoTime() - t);
  }
}
