package io.eddy.lsm.db;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import io.eddy.lsm.cache.TableCache;
import io.eddy.lsm.compaction.CompactionCancelledException;
import io.eddy.lsm.compaction.CompactionRunner;
import io.eddy.lsm.compaction.KeyReducer;
import io.eddy.lsm.compaction.OutputWriter;
import io.eddy.lsm.iter.InternalIterator;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.FileRefs;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.manifest.VersionSet;
import io.eddy.lsm.memtable.MemTable;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.sst.TableReader;
import io.eddy.lsm.wal.WriteAheadLog;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine state behind {@code Db}: memtables, versions, the write path's flow control
 * and the flush thread. Compaction lives in {@link Compactor}.
 *
 * <p>Locks, always taken in this order: {@code writeLock} (serialises writers, guards
 * memtable switching and write stalls), then {@code svLock} (serialises every change of
 * the {@link SuperVersion}: memtable switches and version installs). Readers take no lock.
 * A failed flush is sticky: writes then fail with the cause until the store is reopened;
 * the files on the FileSystem stay consistent.
 *
 * <p>Checkpoints are begun without I/O ({@link #beginCheckpoint}): the active memtable becomes
 * immutable and a {@link CheckpointPin} waits for its flush, whose install pins the version.
 */
public final class DbCore {
  private static final Logger LOG = Logger.getLogger(DbCore.class.getName());

  public final Options options;
  public final FileSystem fs;
  public final String dir;
  public final MergeOperator merge;
  public final FileRefs refs;
  public final VersionSet versions;
  public final TableCache tables;
  public final SnapshotList snapshots = new SnapshotList();
  /** The write-ahead log, or null when the options have none. */
  public final WriteAheadLog wal;
  public final AtomicLong stalls = new AtomicLong();
  public final AtomicLong slowdowns = new AtomicLong();
  public final AtomicLong flushes = new AtomicLong();
  public final AtomicLong flushBytesWritten = new AtomicLong();
  /** The memtable bytes ({@link MemTable#approximateBytes()}) the flushes wrote into {@link #flushBytesWritten}. */
  private final AtomicLong flushedMemtableBytes = new AtomicLong();

  private final ReentrantLock writeLock = new ReentrantLock();
  private final Condition changed = writeLock.newCondition();
  private final Object svLock = new Object();
  private final ExecutorService flushThread;
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private volatile SuperVersion sv;
  private volatile long lastSequence;
  private volatile Throwable backgroundError;
  private volatile boolean closing;
  private boolean released; // guarded by svLock: the read state was dropped at close
  private final List<CheckpointPin> pins = new ArrayList<>(); // guarded by svLock: waiting for a flush
  private Compactor compactor;

  public DbCore(Options options, FileSystem fs, String dir, Manifest manifest, String manifestPath, KeyRange range) throws IOException {
    this.options = options;
    this.fs = fs;
    this.dir = dir;
    this.merge = options.mergeOperator();
    this.refs = new FileRefs(this::unreferenced);
    this.versions = new VersionSet(fs, dir, refs, merge == null ? "" : merge.name(), range, manifest, manifestPath);
    this.tables = new TableCache(fs, options.blockCache());
    this.lastSequence = versions.lastSequence();
    this.wal = options.walDir() == null ? null : new WriteAheadLog(options.walDir(), options.walSync());
    if (wal != null) {
      wal.existingLogs().forEach(versions::markUsed);
    }
    this.sv = new SuperVersion(newMemTable(), List.of(), versions.acquire());
    this.flushThread = Executors.newSingleThreadExecutor(r -> daemon(r, "eddy-lsm-flush"));
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  void attach(Compactor c) {
    this.compactor = c;
  }

  /** Whether the store owns (and so may delete) a file: it lives in the store's directory. */
  public boolean owns(String path) {
    return FsPaths.parent(path).equals(dir);
  }

  private void unreferenced(FileMeta f) {
    tables.evict(f.path());
    if (closing || !owns(f.path())) {
      return;
    }
    try {
      fs.delete(f.path());
      if (options.fileCache() != null) {
        options.fileCache().evict(f.path());
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete obsolete " + f.path() + "; it is swept at next open", e);
    }
  }

  // ---------------------------------------------------------------- read state

  /** The current read state with its version pinned: REQUIRES a later {@code version().unref()}. */
  public SuperVersion acquire() {
    while (true) {
      SuperVersion s = sv;
      if (s.version().tryRef()) {
        return s;
      }
    }
  }

  /**
   * The current read state pinned with the latest published sequence, taken while the state
   * stayed current, so that every version up to that sequence is in it and none it needs was
   * compacted away for a newer one: REQUIRES a later {@link PinnedRead#unpin()}.
   */
  public PinnedRead acquireLatest() {
    while (true) {
      SuperVersion s = sv;
      long seq = lastSequence;
      if (s.version().tryRef()) {
        if (sv == s) {
          return new PinnedRead(s, seq);
        }
        s.version().unref();
      }
    }
  }

  public long lastSequence() {
    return lastSequence;
  }

  // ---------------------------------------------------------------- write path

  public ReentrantLock writeLock() {
    return writeLock;
  }

  /** REQUIRES writeLock. Makes entries up to {@code seq} visible to new reads. */
  public void publish(long seq) {
    lastSequence = seq;
  }

  /**
   * REQUIRES writeLock. Returns a memtable with room for a write, switching memtables (when full,
   * or early: {@link Options#eagerFlushBytes}) and applying write stalls (a 1 ms delay once level
   * 0 reaches the slowdown trigger; waiting while too many flushes are pending or level 0 reaches
   * the stop trigger). A write delayed by level 0 asks for a compaction.
   */
  public MemTable makeRoomForWrite() throws IOException {
    boolean delayed = false;
    while (true) {
      checkWritable();
      SuperVersion s = sv;
      int level0 = s.version().files(0).size();
      if (!delayed && level0 >= options.level0SlowdownTrigger()) {
        delayed = true;
        slowdowns.incrementAndGet();
        if (compactor != null) {
          compactor.schedule(); // a store opened from a checkpoint has not compacted yet
        }
        await(1);
      } else if (s.active().approximateBytes() < options.writeBufferSize()) {
        if (flushesEagerly(s)) {
          switchMemTable();
          return sv.active();
        }
        return s.active();
      } else if (s.immutables().size() >= options.maxImmutableMemtables() || level0 >= options.level0StopTrigger()) {
        stalls.incrementAndGet();
        if (compactor != null && level0 >= options.level0StopTrigger()) {
          compactor.schedule();
        }
        await(100);
      } else {
        switchMemTable();
        return sv.active();
      }
    }
  }

  /**
   * Whether the active memtable is to be flushed before it is full ({@link Options#eagerFlushBytes}):
   * it holds that many bytes, no other memtable waits for its flush (the flush thread idles), and
   * level 0 is not backed up (slices would add small files where compaction is behind).
   */
  private boolean flushesEagerly(SuperVersion s) {
    long eager = options.eagerFlushBytes();
    return eager > 0 && s.immutables().isEmpty() && s.active().approximateBytes() >= eager && !level0BackedUp(s);
  }

  private void await(long millis) throws InterruptedIOException {
    try {
      changed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writes were stalled");
    }
  }

  private void checkWritable() throws IOException {
    if (closing) {
      throw new IllegalStateException("store is closed: " + dir);
    }
    Throwable e = backgroundError;
    if (e != null) {
      throw new IOException("store " + dir + " is read-only after a background flush failure: " + e, e);
    }
  }

  /** A new memtable, with a new write-ahead log file if logging is on. REQUIRES writeLock (or construction). */
  private MemTable newMemTable() throws IOException {
    if (wal == null) {
      return new MemTable(-1);
    }
    long number = versions.newFileNumber();
    wal.startLog(number);
    return new MemTable(number);
  }

  /** REQUIRES writeLock. Moves the active memtable to the flush queue (if not empty). */
  public void switchMemTable() throws IOException {
    if (sv.active().isEmpty()) {
      return;
    }
    MemTable fresh = newMemTable();
    synchronized (svLock) {
      SuperVersion s = sv;
      List<MemTable> imms = new ArrayList<>();
      imms.add(s.active());
      imms.addAll(s.immutables());
      s.version().tryRef();
      replace(new SuperVersion(fresh, imms, s.version()));
    }
    scheduleFlush();
  }

  /** REQUIRES svLock. */
  private void replace(SuperVersion next) {
    SuperVersion old = sv;
    sv = next;
    old.version().unref();
  }

  /** Installs an edit and publishes the new version in one step with the memtable change. */
  public void installVersion(VersionEdit edit, long sequence, MemTable flushed) throws IOException {
    synchronized (svLock) {
      if (released) {
        throw new IOException("store " + dir + " was closed while background work was running; result discarded");
      }
      versions.install(edit, sequence);
      if (flushed != null && wal != null && flushed.logNumber() >= 0) {
        wal.delete(flushed.logNumber()); // its writes are in files now
      }
      SuperVersion s = sv;
      List<MemTable> imms = new ArrayList<>(s.immutables());
      if (flushed != null) {
        imms.remove(flushed);
      }
      replace(new SuperVersion(s.active(), imms, versions.acquire()));
      if (flushed != null) {
        pinFlushed(flushed);
      }
    }
    signalChange();
  }

  // ---------------------------------------------------------------- checkpoints

  /**
   * The synchronous part of a checkpoint, without I/O (unless a write-ahead log starts a new
   * file): makes the active memtable immutable and returns a pin of the writes up to now, which
   * the flush thread completes when the last memtable holding them is installed.
   */
  CheckpointPin beginCheckpoint() throws IOException {
    writeLock.lock();
    try {
      checkWritable();
      long seq = lastSequence;
      SuperVersion s = sv;
      MemTable last = !s.active().isEmpty() ? s.active() : s.immutables().isEmpty() ? null : s.immutables().get(0);
      switchMemTable();
      synchronized (svLock) {
        if (last != null && sv.immutables().contains(last)) {
          CheckpointPin pin = new CheckpointPin(seq, last, refs);
          pin.event.unflushedMemtables = sv.immutables().size();
          pin.event.unflushedBytes = sv.immutables().stream().mapToLong(MemTable::approximateBytes).sum();
          pins.add(pin);
          Throwable e = backgroundError;
          if (e != null) { // a flush failed after checkWritable, and its failPins ran before this add
            pins.remove(pin);
            pin.fail(new IOException("flush failed in " + dir + ": " + e, e));
          }
          return pin;
        }
        // everything up to seq is in files already, and no newer write is (the write lock is held)
        CheckpointPin pin = new CheckpointPin(seq, null, refs);
        pin.pinned(versions.pinCheckpoint(seq));
        return pin;
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** REQUIRES svLock, just after {@code flushed}'s install: pins the checkpoints that waited for it. */
  private void pinFlushed(MemTable flushed) {
    pins.removeIf(pin -> {
      if (pin.memTable() != flushed) {
        return false;
      }
      pin.pinned(versions.pinCheckpoint(pin.sequence()));
      return true;
    });
  }

  /** Fails every checkpoint still waiting for a flush. */
  private void failPins(IOException cause) {
    synchronized (svLock) {
      pins.forEach(pin -> pin.fail(cause));
      pins.clear();
    }
  }

  /** Wakes stalled writers and waiters of {@link #awaitFlushed}. */
  public void signalChange() {
    writeLock.lock();
    try {
      changed.signalAll();
    } finally {
      writeLock.unlock();
    }
  }

  // ---------------------------------------------------------------- flush

  private void scheduleFlush() {
    if (flushScheduled.compareAndSet(false, true)) {
      flushThread.execute(this::flushPending);
    }
  }

  private void flushPending() {
    flushScheduled.set(false);
    while (backgroundError == null && !closing) {
      List<MemTable> imms = sv.immutables();
      if (imms.isEmpty()) {
        break;
      }
      MemTable oldest = imms.get(imms.size() - 1);
      try {
        flush(oldest, imms.size());
        flushes.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        if (e instanceof CompactionCancelledException) {
          return; // closing without a flush: the memtable is discarded
        }
        LOG.log(Level.SEVERE, "flush failed in " + dir, e);
        backgroundError = e;
        failPins(new IOException("flush failed in " + dir + ": " + e, e));
        signalChange();
        return;
      }
      if (compactor != null) {
        compactor.schedule();
      }
    }
  }

  private void flush(MemTable imm, int waiting) throws IOException {
    FlushEvent event = new FlushEvent();
    event.begin();
    long number = versions.newFileNumber();
    OutputWriter out = new OutputWriter(fs, dir, number, 1, options.table(), Long.MAX_VALUE, merge == null ? "" : merge.name());
    List<FileMeta> files;
    try (InternalIterator it = imm.iterator()) {
      it.seekToFirst();
      CompactionRunner.rewrite(it, new KeyReducer(snapshots.sequences(), false, merge, null), versions.range(), out, () -> closing);
      files = out.finish();
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    }
    openTables(files, options.prepopulateBlockCacheOnFlush());
    VersionEdit edit = new VersionEdit();
    files.forEach(f -> edit.add(0, f));
    installVersion(edit, imm.maxSequence(), imm);
    flushedMemtableBytes.addAndGet(imm.approximateBytes());
    long fileBytes = files.stream().mapToLong(FileMeta::size).sum();
    flushBytesWritten.addAndGet(fileBytes);
    if (event.shouldCommit()) {
      event.store = dir;
      event.memtableBytes = imm.approximateBytes();
      event.fileBytes = fileBytes;
      event.memtablesWaiting = waiting;
      event.commit();
    }
  }

  /**
   * The size of the level-0 file a full memtable flushes to: the write buffer times the file bytes
   * per memtable byte of the flushes so far (the ratio depends on the entries' sizes); half a write
   * buffer before the first flush.
   */
  public long fullFlushFileBytes() {
    long memtableBytes = flushedMemtableBytes.get();
    if (memtableBytes == 0) {
      return options.writeBufferSize() / 2;
    }
    return (long) (options.writeBufferSize() * ((double) flushBytesWritten.get() / memtableBytes));
  }

  /**
   * Opens the new files of a flush or compaction on the background thread that wrote them,
   * before they are installed: their index and filter reads (a round trip each on a remote
   * store) are then never paid by a reader, and a read that must not touch files ({@code
   * Db.multiGetCached}) finds them open. With {@code fillCache}, their data blocks go to the
   * block cache too ({@link Options#prepopulateBlockCacheOnFlush}). Best effort: a file that
   * cannot be read now is opened by its first reader, as before, and the flush or compaction
   * stands.
   */
  void openTables(List<FileMeta> files, boolean fillCache) {
    for (FileMeta f : files) {
      try {
        TableReader reader = tables.get(f);
        if (fillCache) {
          reader.fillCache(CompactionRunner.READAHEAD);
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "could not open " + f.path() + " ahead of its readers; its first reader opens it", e);
      }
    }
  }

  /**
   * Flushes everything written so far and waits until it is in files.
   *
   * @return the sequence number everything up to which is now in files
   */
  public long flushAndWait() throws IOException {
    long target;
    writeLock.lock();
    try {
      checkWritable();
      target = lastSequence;
      switchMemTable();
      while (!sv.immutables().isEmpty()) {
        Throwable e = backgroundError;
        if (e != null) {
          throw new IOException("flush failed in " + dir + ": " + e, e);
        }
        await(100);
      }
    } finally {
      writeLock.unlock();
    }
    return target;
  }

  // ---------------------------------------------------------------- close

  /**
   * Stops background work and keeps every file. With {@code flushFirst} and no write-ahead
   * log the memtables are flushed first (unless a background error happened); with a log, the
   * log keeps them; without either they are lost. Does not wait for a running compaction or
   * an unrequested flush: they stop between keys and delete their partial outputs. Checkpoints
   * still waiting for a flush fail.
   */
  public void close(boolean flushFirst) throws IOException {
    IOException failure = null;
    if (flushFirst && wal == null && backgroundError == null && !closing) {
      try {
        flushAndWait();
      } catch (IOException e) {
        failure = e;
      }
    }
    closing = true;
    if (compactor != null) {
      compactor.shutdown();
    }
    flushThread.shutdown();
    try {
      flushThread.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failPins(new IOException("store " + dir + " closed before the checkpoint's memtable was flushed"));
    synchronized (svLock) {
      released = true;
      sv.version().unref();
      versions.close();
    }
    tables.close();
    if (wal != null) {
      wal.close();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Called by a local compaction between keys: waits while memtables wait for their flush, then
   * says whether the store is closing (the compaction stops). A checkpoint's asynchronous part
   * waits for that flush, and so do writers once the flush queue is full; on a machine whose disk
   * or cores are busy, the flush gets what the compaction leaves. A backed-up level 0 (as many
   * files as make the picker merge them within level 0) stops the yielding, so that frequent
   * flushes cannot starve compaction. Returns at once after a flush failure.
   */
  public boolean yieldToFlushes() {
    if (closing || !flushWaiting()) {
      return closing;
    }
    writeLock.lock();
    try {
      while (!closing && backgroundError == null && flushWaiting()) {
        changed.await(10, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true; // the compaction stops as if cancelled; it is retried at the next trigger
    } finally {
      writeLock.unlock();
    }
    return closing;
  }

  /** Whether a memtable waits for its flush while level 0 is not backed up. */
  private boolean flushWaiting() {
    SuperVersion s = sv;
    return !s.immutables().isEmpty() && !level0BackedUp(s);
  }

  /** Whether level 0 holds as many files as make the compaction picker merge them within level 0. */
  private boolean level0BackedUp(SuperVersion s) {
    return s.version().files(0).size() >= Math.max(options.level0CompactionTrigger(), options.level0SlowdownTrigger() / 2);
  }

  public boolean isClosing() {
    return closing;
  }
}
