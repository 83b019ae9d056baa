package io.eddy.bench.lsm;

import io.eddy.fs.LocalFileSystem;
import io.eddy.lsm.Options;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * {@code eddy bench lsm}: eddy-lsm against rocksdbjni in the same JVM with comparable
 * options (WAL off, no compression, same block size, cache size, bloom bits), on the local
 * disk. Phases: fillrandom, readrandom (hits), readmissing, readseq, multiget; then the
 * checkpoint and remote-latency benchmarks ({@link CheckpointBench}, {@link RemoteReadBench}).
 * Prints a Markdown table and ends with {@code lsm_vs_rocksdb fillrandom=X readrandom=Y}.
 *
 * <p>Flags: --keys N (5000000), --value-size B (100), --reads N (1000000), --cache-mb M (64),
 * --block-size B (4096), --dir D (a temp dir), --only a,b (phases, "checkpoint", "remote"),
 * --stores eddy,rocksdb, --rounds R (1; rounds alternate which store goes first and the
 * table keeps each store's best rate, which tames a noisy shared machine),
 * --checkpoint-gb list (1,8), --remote-keys N (1000000).
 */
public final class LsmBenchmark {
  private LsmBenchmark() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the benchmark; returns the process exit code. */
  public static int run(String[] args) {
    return run(args, System.out, done -> { });
  }

  /**
   * Runs the benchmark, printing to {@code out}; {@code progress} hears the number of store
   * operations done so far (all phases and stores of the local-disk table) every
   * {@value Ops#REPORT_EVERY} operations and at the end of each phase. Returns the exit code.
   */
  public static int run(String[] args, PrintStream out, LongConsumer progress) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        out.println("usage: bench lsm [--keys N] [--value-size B] [--reads N] [--cache-mb M] [--block-size B] [--dir D] [--only x,y]");
        return 2;
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    long keys = Long.parseLong(flags.getOrDefault("keys", "5000000"));
    int valueSize = Integer.parseInt(flags.getOrDefault("value-size", "100"));
    long reads = Long.parseLong(flags.getOrDefault("reads", Long.toString(Math.min(keys, 1_000_000))));
    long cacheBytes = Long.parseLong(flags.getOrDefault("cache-mb", "64")) << 20;
    int blockSize = Integer.parseInt(flags.getOrDefault("block-size", "4096"));
    Set<String> only = Set.of(flags.getOrDefault("only", "fillrandom,readrandom,readmissing,readseq,multiget,checkpoint,remote").split(","));
    try {
      Path dir = flags.containsKey("dir") ? Path.of(flags.get("dir")) : Files.createTempDirectory("eddy-bench-lsm");
      out.printf("# eddy bench lsm: keys=%d value-size=%d reads=%d cache=%d MiB block=%d dir=%s java=%s%n", keys, valueSize, reads,
          cacheBytes >> 20, blockSize, dir, Runtime.version());
      BenchKeys data = new BenchKeys(keys, valueSize);
      Map<String, double[]> rates = new LinkedHashMap<>();
      Ops ops = new Ops(progress);
      // Local disk: multiGet runs in key order on the calling thread, as rocksdbjni's does.
      Options eddyOptions = Options.builder().blockSize(blockSize).blockCacheSize(cacheBytes).multiGetParallelism(1).build();
      Set<String> stores = Set.of(flags.getOrDefault("stores", "eddy,rocksdb").split(","));
      int rounds = Integer.parseInt(flags.getOrDefault("rounds", "1"));
      for (int round = 1; round <= rounds; round++) {
        List<String> order = round % 2 == 1 ? List.of("eddy", "rocksdb") : List.of("rocksdb", "eddy");
        for (String store : order) {
          if (!stores.contains(store)) {
            continue;
          }
          Path storeDir = dir.resolve(store + "-" + round);
          try (KvStore kv = store.equals("eddy")
              ? new EddyStore(eddyOptions, new LocalFileSystem(storeDir), "db")
              : new RocksStore(storeDir.toString(), cacheBytes, blockSize)) {
            measure(kv, data, reads, only, rates, store.equals("eddy") ? 0 : 1, out, ops);
          }
          deleteTree(storeDir);
        }
      }
      out.println();
      out.println("| benchmark | eddy-lsm ops/s | rocksdbjni ops/s | eddy/rocksdb |");
      out.println("|---|---:|---:|---:|");
      rates.forEach((name, r) -> out.printf("| %s | %,.0f | %,.0f | %.2f |%n", name, r[0], r[1], r[0] / r[1]));
      if (only.contains("checkpoint")) {
        CheckpointBench.run(dir.resolve("checkpoint"), flags.getOrDefault("checkpoint-gb", "1,8"), valueSize, blockSize, cacheBytes, out);
      }
      if (only.contains("remote")) {
        RemoteReadBench.run(dir.resolve("remote"), Long.parseLong(flags.getOrDefault("remote-keys", "1000000")), valueSize, blockSize, out);
      }
      if (!flags.containsKey("dir")) {
        deleteTree(dir);
      }
      double[] fill = rates.getOrDefault("fillrandom", new double[] {Double.NaN, Double.NaN});
      double[] read = rates.getOrDefault("readrandom", new double[] {Double.NaN, Double.NaN});
      out.printf("lsm_vs_rocksdb fillrandom=%.2f readrandom=%.2f%n", fill[0] / fill[1], read[0] / read[1]);
      return 0;
    } catch (IOException | RuntimeException e) {
      e.printStackTrace(out);
      return 1;
    }
  }

  /** Keeps the best rate of each store over the rounds (the least disturbed by other load). */
  private static void record(Map<String, double[]> rates, String name, int column, long ops, long nanos, PrintStream out, String store) {
    double rate = ops * 1e9 / nanos;
    double[] r = rates.computeIfAbsent(name, k -> new double[2]);
    r[column] = Math.max(r[column], rate);
    out.printf("%-12s %-11s %,12.0f ops/s  (%d ops in %.2f s)%n", name, store, rate, ops, nanos / 1e9);
  }

  private static void measure(KvStore store, BenchKeys data, long reads, Set<String> only, Map<String, double[]> rates, int column,
      PrintStream out, Ops ops) throws IOException {
    long t0 = System.nanoTime();
    for (long i = 0; i < data.count(); i++) {
      store.put(data.present(i), data.value(i));
      ops.done(1);
    }
    store.flush();
    ops.report();
    record(rates, "fillrandom", column, data.count(), System.nanoTime() - t0, out, store.name());
    long c0 = System.nanoTime();
    store.compactAll();
    out.printf("compactAll   %-11s %.2f s; %s%n", store.name(), (System.nanoTime() - c0) / 1e9, store.describe());
    Random rnd = new Random(42);
    if (only.contains("readrandom")) {
      long found = 0;
      long t = System.nanoTime();
      for (long i = 0; i < reads; i++) {
        if (store.get(data.present(Math.floorMod(rnd.nextLong(), data.count()))) != null) {
          found++;
        }
        ops.done(1);
      }
      ops.report();
      record(rates, "readrandom", column, reads, System.nanoTime() - t, out, store.name());
      check(found == reads, store, "readrandom found " + found + " of " + reads);
    }
    if (only.contains("readmissing")) {
      long found = 0;
      long t = System.nanoTime();
      for (long i = 0; i < reads; i++) {
        if (store.get(data.absent(i)) != null) {
          found++;
        }
        ops.done(1);
      }
      ops.report();
      record(rates, "readmissing", column, reads, System.nanoTime() - t, out, store.name());
      check(found == 0, store, "readmissing found " + found);
    }
    if (only.contains("readseq")) {
      long t = System.nanoTime();
      long n = store.scanAll();
      ops.done(n);
      ops.report();
      record(rates, "readseq", column, n, System.nanoTime() - t, out, store.name());
      check(n == data.count(), store, "readseq saw " + n);
    }
    if (only.contains("multiget")) {
      long t = System.nanoTime();
      long found = 0;
      for (long i = 0; i < reads; i += 100) {
        List<byte[]> batch = new ArrayList<>(100);
        for (int j = 0; j < 100; j++) {
          batch.add(data.present(Math.floorMod(rnd.nextLong(), data.count())));
        }
        for (byte[] v : store.multiGet(batch)) {
          found += v == null ? 0 : 1;
        }
        ops.done(100);
      }
      ops.report();
      long done = (reads + 99) / 100 * 100;
      record(rates, "multiget100", column, done, System.nanoTime() - t, out, store.name());
      check(found == done, store, "multiget found " + found);
    }
  }

  /** Operations done so far, told to a progress display now and then (the loops count; one thread). */
  static final class Ops {
    static final long REPORT_EVERY = 1 << 16;
    private final LongConsumer progress;
    private long done;
    private long reported;

    Ops(LongConsumer progress) {
      this.progress = progress;
    }

    void done(long n) {
      done += n;
      if (done - reported >= REPORT_EVERY) {
        report();
      }
    }

    void report() {
      reported = done;
      progress.accept(done);
    }
  }

  private static void check(boolean ok, KvStore store, String what) {
    if (!ok) {
      throw new IllegalStateException(store.name() + ": wrong result: " + what);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
