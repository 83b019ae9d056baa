package io.eddy.lsm.compaction;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.MergeOperator;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Runs compactions on the calling thread, in this process, with the store's own plug-in
 * instances. The default service, and the fallback when a remote one fails. A job stops early
 * when {@code cancelled} turns true (the store is closing). Thread-safe (stateless apart from
 * immutable references).
 */
public final class LocalCompactionService implements CompactionService {
  private final FileSystem fs;
  private final MergeOperator merge;
  private final CompactionFilter filter;
  private final BooleanSupplier cancelled;

  public LocalCompactionService(FileSystem fs, MergeOperator merge, CompactionFilter filter, BooleanSupplier cancelled) {
    this.fs = fs;
    this.merge = merge;
    this.filter = filter;
    this.cancelled = cancelled;
  }

  @Override
  public CompactionResult compact(CompactionJob job) throws IOException {
    return CompactionRunner.run(job, fs, merge, filter, cancelled);
  }

  @Override
  public String describe() {
    return "local";
  }
}
