package io.eddy.lsm;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.db.Checkpoints;
import io.eddy.lsm.db.Compactor;
import io.eddy.lsm.db.DbCore;
import io.eddy.lsm.db.LogRecovery;
import io.eddy.lsm.db.MultiGet;
import io.eddy.lsm.db.ReadPath;
import io.eddy.lsm.db.PinnedRead;
import io.eddy.lsm.db.SuperVersion;
import io.eddy.lsm.iter.Lookup;
import io.eddy.lsm.iter.UserIterator;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.manifest.VersionSet;
import io.eddy.lsm.memtable.MemTable;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.InternalKey;
import io.eddy.lsm.wal.LogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An LSM key-value store whose primary copy lives on a {@link FileSystem}: the public API.
 * Keys and values are byte arrays; keys order as unsigned bytes.
 *
 * <p><b>Thread safety.</b> All methods are thread-safe. Reads ({@code get}, {@code
 * multiGet}, iterators, {@code count}) take no lock and run concurrently with writes and
 * background work. Writes from several threads are serialised; each {@link #write} batch is
 * atomic (readers see all of it or none). Iterators and snapshots are single objects owned
 * by their creator; close them.
 *
 * <p><b>Durability.</b> Writes live in memory until flushed. By default there is no
 * write-ahead log: checkpoints (and {@link #close()}) make data durable and a
 * crash loses writes made after the last flush. With {@code Options.walDir} every write is
 * first appended to a log on local disk and replayed at the next open. SST files and
 * manifests are written once, never renamed or appended (works on S3).
 *
 * <p><b>Sharing files.</b> A store deletes only unreferenced files inside its own
 * directory. A store opened from a checkpoint reads the checkpoint's files where they are;
 * the checkpoint's owner must keep that checkpoint until the new store no longer needs them.
 */
public final class Db implements AutoCloseable {
  private final DbCore core;
  private final Compactor compactor;
  private final Checkpoints checkpoints;
  private final ByteSink logBuffer = new ByteSink(256); // guarded by the write lock

  private Db(DbCore core) {
    this.core = core;
    this.compactor = new Compactor(core);
    this.checkpoints = new Checkpoints(core);
  }

  /**
   * Opens (or creates) the store in {@code dir}: reads its newest manifest and the retained
   * checkpoints' manifests, deletes orphan files left by a crash, and reads no table.
   */
  public static Db open(Options options, FileSystem fs, String dir) throws IOException {
    String d = stripSlash(dir);
    List<String> names = fs.list(d);
    String latest = null;
    for (String n : names) {
      if (n.startsWith(VersionSet.MANIFEST_PREFIX) && (latest == null || fileNumber(n) > fileNumber(latest))) {
        latest = n;
      }
    }
    Manifest m = latest == null ? null : Manifest.read(fs, FsPaths.join(d, latest));
    checkMergeOperator(options, m, d);
    DbCore core = new DbCore(options, effective(options, fs), d, m, latest == null ? null : FsPaths.join(d, latest),
        m == null ? KeyRange.ALL : m.range());
    Db db = new Db(core);
    for (String n : names) {
      String path = FsPaths.join(d, n);
      long number = fileNumber(n);
      if (number >= 0) {
        core.versions.markUsed(number); // numbers taken after the last manifest was written
      }
      if (n.startsWith(VersionSet.CHECKPOINT_PREFIX)) {
        db.checkpoints.adopt(path, Manifest.read(fs, path));
      }
    }
    for (String n : names) {
      String path = FsPaths.join(d, n);
      boolean orphanTable = n.endsWith(".sst") && !core.refs.isReferenced(path);
      boolean staleManifest = n.startsWith(VersionSet.MANIFEST_PREFIX) && !n.equals(latest);
      if (orphanTable || staleManifest) {
        fs.delete(path);
      }
    }
    if (m == null) {
      core.versions.writeInitialManifest();
    }
    LogRecovery.recover(core);
    db.compactor.schedule();
    return db;
  }

  /**
   * Opens a new store in the empty directory {@code dir} from a checkpoint manifest,
   * restricted to {@code range} (use {@link KeyRange#ALL} for everything). Reads only the
   * manifest and writes the new store's first manifest: no data is copied; blocks are read
   * on demand through the caches. Keys outside the range are invisible and dropped by
   * compaction. No compaction starts at open (a recovering job would wait behind its reads):
   * the first flush, or a write delayed by level 0, starts them.
   */
  public static Db openFromCheckpoint(Options options, FileSystem fs, String checkpointManifest, String dir, KeyRange range)
      throws IOException {
    String d = stripSlash(dir);
    for (String n : fs.list(d)) {
      if (n.startsWith(VersionSet.MANIFEST_PREFIX)) {
        throw new IOException("cannot restore into " + d + ": it already holds a store (" + n + ")");
      }
    }
    Manifest c = Manifest.read(fs, checkpointManifest);
    checkMergeOperator(options, c, checkpointManifest);
    KeyRange r = c.range().intersect(range);
    List<VersionEdit.LevelFile> files = new ArrayList<>();
    for (VersionEdit.LevelFile lf : c.files()) {
      if (r.overlaps(lf.file().smallest(), lf.file().largest())) {
        files.add(lf);
      }
    }
    Manifest m = new Manifest(false, c.mergeOperator(), c.lastSequence(), c.nextFileNumber(), r, files);
    DbCore core = new DbCore(options, effective(options, fs), d, m, null, r);
    core.versions.writeInitialManifest();
    return new Db(core);
  }

  /** The number in a store file's name (MANIFEST-n, CHECKPOINT-n, n.sst), or -1 for other files. */
  private static long fileNumber(String name) {
    String digits = name.replaceAll("^(" + VersionSet.MANIFEST_PREFIX + "|" + VersionSet.CHECKPOINT_PREFIX + ")|\\.sst$", "");
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  private static FileSystem effective(Options o, FileSystem fs) {
    return o.fileCache() == null ? fs : o.fileCache().wrap(fs);
  }

  private static String stripSlash(String dir) {
    return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
  }

  private static void checkMergeOperator(Options o, Manifest m, String where) throws IOException {
    if (m == null || m.mergeOperator().isEmpty()) {
      return;
    }
    String mine = o.mergeOperator() == null ? "" : o.mergeOperator().name();
    if (!mine.equals(m.mergeOperator())) {
      throw new IOException(where + " was written with merge operator '" + m.mergeOperator() + "' but options name '" + mine + "'");
    }
  }

  // ------------------------------------------------------------------ writes

  public void put(byte[] key, byte[] value) throws IOException {
    writeOne(InternalKey.TYPE_PUT, key, value);
  }

  public void delete(byte[] key) throws IOException {
    writeOne(InternalKey.TYPE_DELETE, key, null);
  }

  /** Appends a merge operand. REQUIRES a merge operator in the options. */
  public void merge(byte[] key, byte[] operand) throws IOException {
    if (core.merge == null) {
      throw new IllegalStateException("merge needs Options.mergeOperator");
    }
    writeOne(InternalKey.TYPE_MERGE, key, operand);
  }

  private void writeOne(int type, byte[] key, byte[] value) throws IOException {
    checkInRange(key);
    core.writeLock().lock();
    try {
      MemTable mem = core.makeRoomForWrite();
      long seq = core.lastSequence() + 1;
      if (core.wal != null) {
        logBuffer.reset();
        LogRecord.begin(logBuffer, seq, 1);
        LogRecord.add(logBuffer, type, key, value);
        core.wal.append(logBuffer);
      }
      mem.add(seq, type, key, value);
      core.publish(seq);
    } finally {
      core.writeLock().unlock();
    }
  }

  private void checkInRange(byte[] key) {
    KeyRange range = core.versions.range();
    if (!range.isAll() && !range.contains(key)) {
      throw new IllegalArgumentException("key " + Bytes.hex(key) + " outside the store's range " + range);
    }
  }

  /**
   * Applies a batch atomically. May block while writes are stalled by flushes or level 0.
   *
   * @throws IllegalArgumentException if a key lies outside the store's key range
   */
  public void write(WriteBatch batch) throws IOException {
    if (batch.count() == 0) {
      return;
    }
    for (int i = 0; i < batch.count(); i++) {
      checkInRange(batch.key(i));
    }
    core.writeLock().lock();
    try {
      for (int i = 0; i < batch.count(); i++) {
        if (batch.type(i) == InternalKey.TYPE_MERGE && core.merge == null) {
          throw new IllegalStateException("merge needs Options.mergeOperator");
        }
      }
      MemTable mem = core.makeRoomForWrite();
      long seq = core.lastSequence();
      if (core.wal != null) {
        logBuffer.reset();
        LogRecord.begin(logBuffer, seq + 1, batch.count());
        for (int i = 0; i < batch.count(); i++) {
          LogRecord.add(logBuffer, batch.type(i), batch.key(i), batch.value(i));
        }
        core.wal.append(logBuffer);
      }
      for (int i = 0; i < batch.count(); i++) {
        mem.add(++seq, batch.type(i), batch.key(i), batch.value(i));
      }
      core.publish(seq);
    } finally {
      core.writeLock().unlock();
    }
  }

  /**
   * Deletes every key in {@code range} atomically: other writers wait while the live keys
   * of the range are found and a tombstone is written for each. Costs one tombstone per
   * live key. Snapshots taken before still see the old values.
   *
   * @return the number of keys deleted
   */
  public long deleteRange(KeyRange range) throws IOException {
    core.writeLock().lock();
    try {
      WriteBatch batch = new WriteBatch();
      try (DbIterator it = iterator(ReadOptions.range(range))) {
        for (it.seekToFirst(); it.valid(); it.next()) {
          batch.delete(it.key());
        }
      }
      write(batch);
      return batch.count();
    } finally {
      core.writeLock().unlock();
    }
  }

  // ------------------------------------------------------------------ reads

  public byte[] get(byte[] key) throws IOException {
    return get(ReadOptions.DEFAULT, key);
  }

  /** The value of {@code key} at the options' snapshot (latest if none), or null. */
  public byte[] get(ReadOptions options, byte[] key) throws IOException {
    if (!core.versions.range().contains(key)) {
      return null;
    }
    PinnedRead read = pin(options);
    try {
      return lookup(read.superVersion(), key, read.sequence());
    } finally {
      read.unpin();
    }
  }

  private byte[] lookup(SuperVersion sv, byte[] key, long seq) throws IOException {
    if (!core.versions.range().contains(key)) {
      return null;
    }
    Lookup l = new Lookup(key, seq);
    ReadPath.get(sv, core.tables, l);
    return l.result(core.merge);
  }

  /** The read state and sequence of the options' snapshot, or the latest consistent pair. */
  private PinnedRead pin(ReadOptions options) {
    Snapshot s = options.snapshot();
    if (s == null) {
      return core.acquireLatest();
    }
    if (!s.belongsTo(this) || s.isReleased()) {
      throw new IllegalArgumentException(s + " is released or belongs to another store");
    }
    return new PinnedRead(core.acquire(), s.sequence());
  }

  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    return multiGet(ReadOptions.DEFAULT, keys);
  }

  /**
   * Looks up many keys at one consistent sequence number. Keys the memtables and caches answer
   * are looked up first, on the calling thread; with {@code Options.multiGetParallelism} above 1
   * the others (each needs a file read) run concurrently on virtual threads, one lookup each up
   * to that many at once, so block reads from a slow (remote) FileSystem overlap; with 1 they run
   * in key order on the calling thread, which suits local storage. Returns values in the order
   * of {@code keys}, null for absent keys.
   */
  public List<byte[]> multiGet(ReadOptions options, List<byte[]> keys) throws IOException {
    PinnedRead read = pin(options);
    try {
      byte[][] values = new byte[keys.size()][];
      BitSet answered = new BitSet(values.length);
      lookupCached(read, keys, values, answered);
      List<byte[]> rest = new ArrayList<>(values.length - answered.cardinality());
      for (int i = answered.nextClearBit(0); i < values.length; i = answered.nextClearBit(i + 1)) {
        rest.add(keys.get(i));
      }
      byte[][] fromFiles = MultiGet.run(rest, core.options.multiGetParallelism(),
          key -> lookup(read.superVersion(), key, read.sequence()));
      for (int i = answered.nextClearBit(0), r = 0; i < values.length; i = answered.nextClearBit(i + 1), r++) {
        values[i] = fromFiles[r];
      }
      return Arrays.asList(values);
    } finally {
      read.unpin();
    }
  }

  /**
   * The values of those {@code keys} that can be answered without reading a file (from the
   * memtables, the bloom filters of open tables and the block cache), at one consistent sequence
   * number, on the calling thread: sets bit i of {@code answered} for each key answered, and the
   * i-th value (null where absent or not answered). For callers that read the rest elsewhere (a
   * read pool), so that cache hits pay no thread hop.
   */
  public List<byte[]> multiGetCached(List<byte[]> keys, BitSet answered) throws IOException {
    byte[][] values = new byte[keys.size()][];
    PinnedRead read = pin(ReadOptions.DEFAULT);
    try {
      lookupCached(read, keys, values, answered);
    } finally {
      read.unpin();
    }
    return Arrays.asList(values);
  }

  /** The cached-only lookups of {@link #multiGetCached}, at {@code read}, into {@code values}. */
  private void lookupCached(PinnedRead read, List<byte[]> keys, byte[][] values, BitSet answered) throws IOException {
    for (int i = 0; i < values.length; i++) {
      byte[] key = keys.get(i);
      if (!core.versions.range().contains(key)) {
        answered.set(i);
        continue;
      }
      Lookup l = new Lookup(key, read.sequence());
      if (ReadPath.get(read.superVersion(), core.tables, l, true)) {
        values[i] = l.result(core.merge);
        answered.set(i);
      }
    }
  }

  public DbIterator iterator() throws IOException {
    return iterator(ReadOptions.DEFAULT);
  }

  /** An iterator at the options' snapshot within their bounds (and the store's key range). */
  public DbIterator iterator(ReadOptions options) throws IOException {
    KeyRange bounds = options.bounds().intersect(core.versions.range());
    PinnedRead read = pin(options);
    try {
      return new UserIterator(ReadPath.iterator(read.superVersion(), core.tables), read.sequence(), core.merge,
          bounds.start(), bounds.end(), read::unpin);
    } catch (IOException | RuntimeException e) {
      read.unpin();
      throw e;
    }
  }

  /** The number of live keys in {@code range} (an exact count; it iterates the range). */
  public long count(KeyRange range) throws IOException {
    long n = 0;
    try (DbIterator it = iterator(ReadOptions.range(range))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        n++;
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ snapshots, maintenance

  /** A snapshot of everything written so far; close it to let compaction reclaim versions. */
  public Snapshot snapshot() {
    core.writeLock().lock();
    try {
      long seq = core.lastSequence();
      core.snapshots.add(seq);
      return new Snapshot(seq, this);
    } finally {
      core.writeLock().unlock();
    }
  }

  void releaseSnapshot(Snapshot s) {
    core.snapshots.remove(s.sequence());
  }

  /** Writes the memtable to an SST file and waits for it. */
  public void flush() throws IOException {
    core.flushAndWait();
  }

  /**
   * Waits until the automatic compactions due now have run (RocksDB's {@code WaitForCompact}):
   * for tests and tools that need a settled tree. Does not flush; returns at once when
   * automatic compaction is disabled.
   */
  public void waitForCompact() throws IOException {
    compactor.waitForCompact();
  }

  /** Flushes, then compacts every file overlapping {@code range} down to the deepest level. */
  public void compactRange(KeyRange range) throws IOException {
    flush();
    compactor.compactRange(range);
  }

  /**
   * A zero-copy checkpoint: flushes the memtable, then writes a {@code CHECKPOINT-nnnnnn}
   * manifest referencing the live SST files, which stay until the checkpoint is released.
   * Costs a flush plus one small file, whatever the size of the store. The same as {@code
   * beginCheckpoint().complete()}.
   */
  public CheckpointHandle checkpoint() throws IOException {
    return beginCheckpoint().complete();
  }

  /**
   * The synchronous part of a checkpoint: makes the active memtable immutable (its flush is
   * queued) and notes the sequence; no I/O, no wait for a flush or compaction. Writes may go on
   * at once; they are not part of the checkpoint. {@link PendingCheckpoint#complete()} is the
   * asynchronous part.
   */
  public PendingCheckpoint beginCheckpoint() throws IOException {
    String path = checkpoints.begin();
    return new PendingCheckpoint(this, path, checkpoints.sequence(path));
  }

  CheckpointHandle completeCheckpoint(String manifestPath) throws IOException {
    return checkpoints.complete(manifestPath);
  }

  /** Releases a checkpoint: deletes its manifest and drops its file references. */
  public void release(CheckpointHandle checkpoint) throws IOException {
    checkpoints.release(checkpoint.manifestPath());
  }

  /** Releases a begun checkpoint, completed or not (an unfinished one will not complete). */
  public void release(PendingCheckpoint checkpoint) throws IOException {
    checkpoints.release(checkpoint.manifestPath());
  }

  /** Manifest paths of the checkpoints this store retains (including ones found at open). */
  public List<String> retainedCheckpoints() {
    return checkpoints.paths();
  }

  /** The key range this store is restricted to ({@link KeyRange#ALL} normally). */
  public KeyRange range() {
    return core.versions.range();
  }

  public DbStats stats() {
    SuperVersion sv = core.acquire();
    try {
      Version v = sv.version();
      int[] files = new int[Version.NUM_LEVELS];
      long[] bytes = new long[Version.NUM_LEVELS];
      for (int l = 0; l < Version.NUM_LEVELS; l++) {
        files[l] = v.files(l).size();
        bytes[l] = v.levelBytes(l);
      }
      long memBytes = sv.active().approximateBytes() + sv.immutables().stream().mapToLong(MemTable::approximateBytes).sum();
      return new DbStats(files, bytes, memBytes, sv.immutables().size(), core.lastSequence(), core.snapshots.size(), checkpoints.size(),
          core.flushes.get(), core.flushBytesWritten.get(), compactor.compactions.get(), compactor.trivialMoves.get(), compactor.bytesWritten.get(),
          compactor.serviceFailures.get(), core.stalls.get(), core.slowdowns.get(), core.options.blockCache().stats(),
          core.options.fileCache() == null ? null : core.options.fileCache().stats());
    } finally {
      sv.version().unref();
    }
  }

  /**
   * Flushes the memtable and stops background work. Files stay; reopen with {@link #open}. A
   * running compaction is cancelled, not awaited (its partial outputs are deleted).
   */
  @Override
  public void close() throws IOException {
    core.close(true);
  }

  /**
   * Stops background work at once for a store whose unflushed writes nobody needs (a failed
   * task's state is restored from a checkpoint): no flush, a running flush or compaction is
   * cancelled, begun checkpoints whose manifest is not written yet fail. Without a write-ahead
   * log the writes since the last flush are lost; files and written checkpoints stay.
   */
  public void closeWithoutFlush() throws IOException {
    checkpoints.seal();
    core.close(false);
  }

  @Override
  public String toString() {
    return "Db[" + core.dir + "]";
  }
}
