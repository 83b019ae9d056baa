package io.eddy.lsm.compaction;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.iter.InternalIterator;
import io.eddy.lsm.iter.MergingIterator;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.plugin.Plugins;
import io.eddy.lsm.sst.TableReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Executes a {@link CompactionJob} against a FileSystem: merges the inputs (read in 1 MiB
 * sequential chunks, bypassing caches), reduces each key with a {@link KeyReducer} and
 * writes outputs with an {@link OutputWriter}. The same loop serves memtable flushes.
 * Used in-process and by the remote worker. A job checks its {@code cancelled} signal between
 * user keys and stops with {@link CompactionCancelledException}, leaving no outputs.
 *
 * <p>Thread safety: stateless; each call is independent.
 */
public final class CompactionRunner {
  public static final int READAHEAD = 1 << 20;
  private static final BlockCache NO_CACHE = new BlockCache(0);

  private CompactionRunner() {}

  /** Runs a job, building its merge operator and compaction filter from their names (workers). */
  public static CompactionResult run(CompactionJob job, FileSystem fs) throws IOException {
    return run(job, fs, Plugins.mergeOperator(job.mergeOperator()), Plugins.compactionFilter(job.filterName(), job.filterConfig()),
        () -> false);
  }

  /** Runs a job with the given plug-in instances (in-process, where the store has them). */
  public static CompactionResult run(CompactionJob job, FileSystem fs, MergeOperator merge, CompactionFilter filter,
      BooleanSupplier cancelled) throws IOException {
    List<TableReader> readers = new ArrayList<>();
    List<InternalIterator> iterators = new ArrayList<>();
    OutputWriter out = new OutputWriter(fs, job.outputDir(), job.firstOutputNumber(), job.maxOutputs(), job.table(), job.targetFileSize(), job.mergeOperator());
    try {
      for (VersionEdit.LevelFile lf : job.inputs()) {
        FileMeta f = lf.file();
        TableReader r = TableReader.open(fs, f.path(), f.size(), NO_CACHE);
        readers.add(r);
        iterators.add(r.iterator(READAHEAD));
      }
      KeyReducer reducer = new KeyReducer(job.snapshots(), job.bottommost(), merge, filter);
      try (MergingIterator input = new MergingIterator(iterators)) {
        input.seekToFirst();
        long[] counts = rewrite(input, reducer, job.range(), out, cancelled);
        List<FileMeta> outputs = out.finish();
        return new CompactionResult(outputs, counts[0], counts[1], outputs.stream().mapToLong(FileMeta::size).sum());
      }
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    } finally {
      for (TableReader r : readers) {
        r.close();
      }
    }
  }

  /**
   * Drains a positioned iterator into {@code out}, one user key at a time, until done or
   * {@code cancelled} says stop (checked between keys; the caller aborts {@code out}).
   *
   * @return {entries read, entries written}
   */
  public static long[] rewrite(InternalIterator input, KeyReducer reducer, KeyRange range, OutputWriter out,
      BooleanSupplier cancelled) throws IOException {
    List<KeyReducer.Entry> versions = new ArrayList<>();
    List<KeyReducer.Entry> kept = new ArrayList<>();
    long in = 0;
    long written = 0;
    while (input.valid()) {
      if (cancelled.getAsBoolean()) {
        throw new CompactionCancelledException("writing " + out);
      }
      byte[] key = input.key();
      versions.clear();
      while (input.valid() && Arrays.equals(input.key(), key)) {
        versions.add(new KeyReducer.Entry(input.trailer(), input.value()));
        input.next();
        in++;
      }
      if (!range.contains(key)) {
        continue;
      }
      kept.clear();
      reducer.reduce(key, versions, kept);
      for (KeyReducer.Entry e : kept) {
        out.add(key, e.trailer(), e.value());
        written++;
      }
      out.keyBoundary();
    }
    return new long[] {in, written};
  }
}
