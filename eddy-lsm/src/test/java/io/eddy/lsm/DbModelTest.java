package io.eddy.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.plugin.Int64AddOperator;
import io.eddy.lsm.sst.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Metamorphic / model-based test: random operation sequences run against the store and a
 * TreeMap model under several option sets, checking full scans, point reads, multiGet,
 * counts and every open snapshot and checkpoint against the model.
 */
class DbModelTest {

  sealed interface Op {}

  record Put(int key, long value) implements Op {}

  record Delete(int key) implements Op {}

  record Merge(int key, long delta) implements Op {}

  record DeleteRange(int from, int to) implements Op {}

  record TakeSnapshot() implements Op {}

  record ReleaseSnapshot(int index) implements Op {}

  record Flush() implements Op {}

  record Compact() implements Op {}

  record Checkpoint() implements Op {}

  record ReleaseCheckpoint(int index) implements Op {}

  record RestoreCheckpoint(int index, int from, int to) implements Op {}

  record Reopen() implements Op {}

  static final int KEYS = 48;

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Integer> key = Arbitraries.integers().between(0, KEYS - 1);
    Arbitrary<Long> val = Arbitraries.longs().between(-1000, 1000);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, Combinators.combine(key, val).as(Put::new)),
        net.jqwik.api.Tuple.of(10, key.map(Delete::new)),
        net.jqwik.api.Tuple.of(15, Combinators.combine(key, val).as(Merge::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(key, key).as((a, b) -> new DeleteRange(Math.min(a, b), Math.max(a, b)))),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new TakeSnapshot())),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 5).map(ReleaseSnapshot::new)),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new Flush())),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(new Compact())),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(new Checkpoint())),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 5).map(ReleaseCheckpoint::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 5), key, key)
            .as((i, a, b) -> new RestoreCheckpoint(i, Math.min(a, b), Math.max(a, b) + 1))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reopen())));
    return op.list().ofMinSize(20).ofMaxSize(250);
  }

  @Provide
  Arbitrary<Integer> optionSets() {
    return Arbitraries.integers().between(0, 4);
  }

  /** Option set 4 adds a write-ahead log, so every Reopen replays the log instead of a flush. */
  static Options options(int set, Path walDir) {
    Options.Builder b = Options.builder().mergeOperator(new Int64AddOperator());
    return switch (set) {
      case 0 -> b.writeBufferSize(2048).blockSize(64).targetFileSize(2048).maxBytesForLevelBase(4096).level0CompactionTrigger(2).build();
      case 1 -> b.writeBufferSize(4096).blockSize(128).blockCacheSize(1).compression(Compression.LZ4).build();
      case 2 -> b.writeBufferSize(1024).level0CompactionTrigger(1).level0SlowdownTrigger(2).level0StopTrigger(4)
          .maxBytesForLevelBase(2048).targetFileSize(1024).blockSize(96).multiGetParallelism(4).build();
      case 4 -> b.writeBufferSize(3000).blockSize(200).walDir(walDir).build();
      default -> b.build();
    };
  }

  static byte[] key(int k) {
    return String.format("k%03d", k).getBytes();
  }

  static int unkey(byte[] k) {
    return Integer.parseInt(new String(k).substring(1));
  }

  record Saved<T>(T handle, TreeMap<Integer, Long> model, int lo, int hi) {}

  @Property(tries = 300)
  void storeAgreesWithModel(@ForAll("ops") List<Op> ops, @ForAll("optionSets") int set) throws IOException {
    run(ops, set, false);
  }

  static void run(List<Op> ops, int set, boolean checkEveryStep) throws IOException {
    Path walRoot = Files.createTempDirectory("eddy-model-wal");
    try {
      run(ops, set, checkEveryStep, walRoot);
    } finally {
      try (Stream<Path> files = Files.walk(walRoot)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void run(List<Op> ops, int set, boolean checkEveryStep, Path walRoot) throws IOException {
    MemoryFileSystem fs = new MemoryFileSystem();
    Options options = options(set, walRoot.resolve("db0"));
    int dirs = 0;
    String dir = "db0";
    Db db = Db.open(options, fs, dir);
    TreeMap<Integer, Long> model = new TreeMap<>();
    List<Saved<Snapshot>> snapshots = new ArrayList<>();
    List<Saved<CheckpointHandle>> checkpoints = new ArrayList<>();
    int lo = 0;
    int hi = KEYS;
    try {
      for (Op op : ops) {
        int k = switch (op) {
          case Put p -> p.key();
          case Delete d -> d.key();
          case Merge m -> m.key();
          default -> lo;
        };
        if (k < lo || k >= hi) {
          Db outside = db;
          assertThatThrownBy(() -> outside.put(key(k), Int64AddOperator.encode(0))).isInstanceOf(IllegalArgumentException.class);
          continue;
        }
        switch (op) {
          case Put p -> {
            db.put(key(p.key()), Int64AddOperator.encode(p.value()));
            model.put(p.key(), p.value());
          }
          case Delete d -> {
            db.delete(key(d.key()));
            model.remove(d.key());
          }
          case Merge m -> {
            db.merge(key(m.key()), Int64AddOperator.encode(m.delta()));
            model.merge(m.key(), m.delta(), Long::sum);
          }
          case DeleteRange r -> {
            long n = db.deleteRange(new KeyRange(key(r.from()), key(r.to())));
            Map<Integer, Long> sub = model.subMap(r.from(), r.to());
            assertThat(n).isEqualTo(sub.size());
            sub.clear();
          }
          case TakeSnapshot t -> snapshots.add(new Saved<>(db.snapshot(), new TreeMap<>(model), lo, hi));
          case ReleaseSnapshot r -> {
            if (r.index() < snapshots.size()) {
              snapshots.remove(r.index()).handle().close();
            }
          }
          case Flush f -> db.flush();
          case Compact c -> db.compactRange(KeyRange.ALL);
          case Checkpoint c -> checkpoints.add(new Saved<>(db.checkpoint(), new TreeMap<>(model), lo, hi));
          case ReleaseCheckpoint r -> {
            if (r.index() < checkpoints.size()) {
              db.release(checkpoints.remove(r.index()).handle());
            }
          }
          case RestoreCheckpoint r -> {
            if (r.index() < checkpoints.size()) {
              Saved<CheckpointHandle> cp = checkpoints.get(r.index());
              check(db, model, snapshots);
              db.close();
              snapshots.clear();
              dir = "db" + (++dirs);
              options = options(set, walRoot.resolve(dir));
              db = Db.openFromCheckpoint(options, fs, cp.handle().manifestPath(), dir, new KeyRange(key(r.from()), key(r.to())));
              lo = Math.max(r.from(), cp.lo());
              hi = Math.min(r.to(), cp.hi());
              hi = Math.max(lo, hi);
              model = new TreeMap<>(cp.model().subMap(lo, hi));
              checkpoints.clear();
            }
          }
          case Reopen r -> {
            db.close();
            snapshots.clear();
            db = Db.open(options, fs, dir);
            assertThat(db.retainedCheckpoints()).hasSize(checkpoints.size());
          }
        }
        if (checkEveryStep || op instanceof Flush || op instanceof Compact || op instanceof Checkpoint) {
          check(db, model, snapshots);
        }
      }
      check(db, model, snapshots);
      for (Saved<CheckpointHandle> cp : checkpoints) {
        String verifyDir = "verify" + (++dirs);
        try (Db restored = Db.openFromCheckpoint(options(set, walRoot.resolve(verifyDir)), fs, cp.handle().manifestPath(), verifyDir,
            KeyRange.ALL)) {
          assertThat(scan(restored, ReadOptions.DEFAULT)).isEqualTo(cp.model());
        }
      }
    } finally {
      db.close();
    }
  }

  private static TreeMap<Integer, Long> scan(Db db, ReadOptions ro) throws IOException {
    TreeMap<Integer, Long> out = new TreeMap<>();
    try (DbIterator it = db.iterator(ro)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        assertThat(out.put(unkey(it.key()), Int64AddOperator.decode(it.value()))).isNull();
      }
    }
    return out;
  }

  private static void check(Db db, TreeMap<Integer, Long> model, List<Saved<Snapshot>> snapshots) throws IOException {
    assertThat(scan(db, ReadOptions.DEFAULT)).isEqualTo(model);
    List<byte[]> keys = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      keys.add(key(k));
    }
    List<byte[]> got = db.multiGet(keys);
    for (int k = 0; k < KEYS; k++) {
      Long expected = model.get(k);
      byte[] single = db.get(key(k));
      assertThat(single == null ? null : Int64AddOperator.decode(single)).as("get k%03d", k).isEqualTo(expected);
      assertThat(got.get(k) == null ? null : Int64AddOperator.decode(got.get(k))).as("multiGet k%03d", k).isEqualTo(expected);
    }
    assertThat(db.count(new KeyRange(key(10), key(30)))).isEqualTo(model.subMap(10, 30).size());
    try (DbIterator it = db.iterator(ReadOptions.DEFAULT)) {
      it.seek(key(KEYS / 2));
      Map.Entry<Integer, Long> e = model.ceilingEntry(KEYS / 2);
      assertThat(it.valid()).isEqualTo(e != null);
      if (e != null) {
        assertThat(unkey(it.key())).isEqualTo(e.getKey());
      }
    }
    for (Saved<Snapshot> s : snapshots) {
      assertThat(scan(db, ReadOptions.at(s.handle()))).as("snapshot %s", s.handle()).isEqualTo(s.model());
      int probe = KEYS / 3;
      byte[] v = db.get(ReadOptions.at(s.handle()), key(probe));
      assertThat(v == null ? null : Int64AddOperator.decode(v)).as("get k%03d at %s", probe, s.handle()).isEqualTo(s.model().get(probe));
    }
  }
}
