package io.eddy.lsm.db;

import io.eddy.fs.FsPaths;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.compaction.CompactionCancelledException;
import io.eddy.lsm.compaction.CompactionJob;
import io.eddy.lsm.compaction.CompactionPicker;
import io.eddy.lsm.compaction.CompactionResult;
import io.eddy.lsm.compaction.CompactionService;
import io.eddy.lsm.compaction.LocalCompactionService;
import io.eddy.lsm.compaction.OutputWriter;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.sst.TableReader;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.Futures;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs compactions on one background thread: picks them ({@link CompactionPicker}),
 * executes them through the configured {@link CompactionService} (falling back to local
 * execution, with freshly reserved output names, if the service fails), checks the outputs
 * and installs the result atomically. A failed compaction changes nothing and is retried
 * at the next trigger. Closing the store cancels a running local compaction (it deletes its
 * partial outputs) instead of waiting for it. A local compaction pauses between keys while
 * memtables wait for their flush ({@link DbCore#yieldToFlushes}): a checkpoint waits for that
 * flush, and so do writers once the flush queue is full, while a compaction can wait.
 *
 * <p>Thread safety: {@link #schedule} and {@link #compactRange} may be called from any
 * thread; all compaction work is serialised on the compaction thread.
 */
public final class Compactor {
  private static final Logger LOG = Logger.getLogger(Compactor.class.getName());
  private static final BlockCache NO_CACHE = new BlockCache(0);

  private final DbCore core;
  private final CompactionPicker picker;
  private final LocalCompactionService local;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> DbCore.daemon(r, "eddy-lsm-compaction"));
  private final AtomicBoolean scheduled = new AtomicBoolean();
  public final AtomicLong compactions = new AtomicLong();
  public final AtomicLong trivialMoves = new AtomicLong();
  public final AtomicLong serviceFailures = new AtomicLong();
  public final AtomicLong bytesWritten = new AtomicLong();

  public Compactor(DbCore core) {
    this.core = core;
    this.picker = new CompactionPicker(core.options.level0CompactionTrigger(), core.options.level0SlowdownTrigger(),
        core::fullFlushFileBytes, core.options.maxBytesForLevelBase());
    this.local = new LocalCompactionService(core.fs, core.merge, core.options.compactionFilter(), core::yieldToFlushes);
    core.attach(this);
  }

  /** Asks for automatic compaction to run soon (no-op if disabled or already queued). */
  public void schedule() {
    if (core.options.disableAutoCompaction() || core.isClosing()) {
      return;
    }
    if (scheduled.compareAndSet(false, true)) {
      try {
        thread.execute(this::autoCompact);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // closing: the compaction thread no longer takes work
      }
    }
  }

  private void autoCompact() {
    scheduled.set(false);
    try {
      compactWhileDue();
    } catch (CompactionCancelledException e) {
      LOG.fine(e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "compaction failed in " + core.dir + "; will retry", e);
    }
  }

  private void compactWhileDue() throws IOException {
    CompactionPicker.Pick p;
    while (!core.isClosing() && (p = picker.pick(core.versions.current(), core.options.compactionFilter() != null)) != null) {
      run(p);
    }
  }

  /**
   * Waits until no automatic compaction is due: runs the due ones on the compaction thread,
   * after any queued there. Returns at once if automatic compaction is disabled.
   */
  public void waitForCompact() throws IOException {
    if (core.options.disableAutoCompaction()) {
      return;
    }
    Futures.await(thread.submit(() -> {
      compactWhileDue();
      return null;
    }), "compaction of " + core.dir);
  }

  /**
   * Compacts every file overlapping {@code range} down to the deepest non-empty level, then
   * rewrites that level's overlapping files in place; waits for completion.
   */
  public void compactRange(KeyRange range) throws IOException {
    Future<?> f = thread.submit(() -> {
      int deepest = 0;
      for (int l = 0; l < Version.NUM_LEVELS; l++) {
        if (!core.versions.current().files(l).isEmpty()) {
          deepest = l;
        }
      }
      for (int level = 0; level < Math.max(1, deepest); level++) {
        CompactionPicker.Pick p = picker.pickRange(core.versions.current(), level, range);
        if (p != null) {
          run(p);
        }
      }
      if (deepest >= 1) {
        CompactionPicker.Pick p = picker.pickInPlace(core.versions.current(), deepest, range);
        if (p != null) {
          run(p);
        }
      }
      return null;
    });
    Futures.await(f, "compaction of " + core.dir);
  }

  private void run(CompactionPicker.Pick p) throws IOException {
    VersionEdit edit = new VersionEdit();
    p.inputs().forEach(lf -> edit.delete(lf.level(), lf.file()));
    if (p.isTrivialMove()) {
      edit.add(p.outputLevel(), p.inputs().get(0).file());
      core.installVersion(edit, 0, null);
      trivialMoves.incrementAndGet();
      return;
    }
    CompactionResult result = execute(newJob(p));
    core.openTables(result.outputs(), false);
    result.outputs().forEach(f -> edit.add(p.outputLevel(), f));
    core.installVersion(edit, 0, null);
    compactions.incrementAndGet();
    bytesWritten.addAndGet(result.bytesWritten());
  }

  private CompactionJob newJob(CompactionPicker.Pick p) {
    long inputBytes = p.inputs().stream().mapToLong(lf -> lf.file().size()).sum();
    int maxOutputs = (int) Math.min(100_000, inputBytes / core.options.targetFileSize() + 8);
    long first = core.versions.reserveFileNumbers(maxOutputs);
    CompactionFilter filter = core.options.compactionFilter();
    return new CompactionJob(p.inputs(), p.outputLevel(), p.bottommost(), core.snapshots.sequences(), core.dir, first, maxOutputs,
        core.merge == null ? "" : core.merge.name(), filter == null ? "" : filter.name(), filter == null ? "" : filter.config(),
        core.versions.range(), core.options.table(), p.outputLevel() == 0 ? Long.MAX_VALUE : core.options.targetFileSize());
  }

  private CompactionResult execute(CompactionJob job) throws IOException {
    CompactionService service = core.options.compactionService();
    if (service != null) {
      try {
        CompactionResult r = service.compact(job);
        verify(job, r);
        return r;
      } catch (IOException | RuntimeException e) {
        deleteReserved(job);
        if (core.isClosing()) {
          throw new CompactionCancelledException(service.describe() + " " + job);
        }
        serviceFailures.incrementAndGet();
        LOG.log(Level.WARNING, service.describe() + " failed " + job + "; compacting locally instead: " + e);
        CompactionJob retry = new CompactionJob(job.inputs(), job.outputLevel(), job.bottommost(), job.snapshots(), job.outputDir(),
            core.versions.reserveFileNumbers(job.maxOutputs()), job.maxOutputs(), job.mergeOperator(), job.filterName(),
            job.filterConfig(), job.range(), job.table(), job.targetFileSize());
        return local.compact(retry);
      }
    }
    return local.compact(job);
  }

  /** Checks a service's answer: only reserved names, sizes as stored, readable, ordered. */
  private void verify(CompactionJob job, CompactionResult r) throws IOException {
    byte[] prevLargest = null;
    for (FileMeta f : r.outputs()) {
      long n = f.number();
      if (n < job.firstOutputNumber() || n >= job.firstOutputNumber() + job.maxOutputs()
          || !f.path().equals(FsPaths.join(job.outputDir(), OutputWriter.tableFileName(n)))) {
        throw new IOException("compaction result names an unreserved file: " + f.path());
      }
      if (core.fs.size(f.path()) != f.size()) {
        throw new IOException("compaction output size mismatch: " + f.path());
      }
      TableReader.open(core.fs, f.path(), f.size(), NO_CACHE).close();
      if (prevLargest != null && Bytes.compare(prevLargest, f.smallest()) >= 0) {
        throw new IOException("compaction outputs overlap at " + f.path());
      }
      prevLargest = f.largest();
    }
  }

  /** Deletes whatever a failed service left in the reserved output names. */
  private void deleteReserved(CompactionJob job) {
    try {
      for (String name : core.fs.list(job.outputDir())) {
        if (name.endsWith(".sst")) {
          long n = Long.parseLong(name.substring(0, name.length() - 4));
          if (n >= job.firstOutputNumber() && n < job.firstOutputNumber() + job.maxOutputs()) {
            core.fs.delete(FsPaths.join(job.outputDir(), name));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOG.log(Level.WARNING, "could not clean failed compaction outputs in " + job.outputDir() + "; swept at next open", e);
    }
  }

  /** Waits for the compaction thread to end: REQUIRES the store to be closing, which cancels a local compaction. */
  void shutdown() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Compactor[" + compactions + " compactions, " + trivialMoves + " moves, " + serviceFailures + " service failures]";
  }
}
