package io.eddy.lsm.compaction;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.MergeOperator;
import java.io.IOException;

/**
 * Runs compactions on the calling thread, in this process, with the store's own plug-in
 * instances. The default service, and the fallback when a remote one fails. Thread-safe
 * (stateless apart from immutable references).
 */
public final class LocalCompactionService implements CompactionService {
  private final FileSystem fs;
  private final MergeOperator merge;
  private final CompactionFilter filter;

  public LocalCompactionService(FileSystem fs, MergeOperator merge, CompactionFilter filter) {
    this.fs = fs;
    this.merge = merge;
    this.filter = filter;
  }

  @Override
  public CompactionResult compact(CompactionJob job) throws IOException {
    return CompactionRunner.run(job, fs, merge, filter);
  }

  @Override
  public String describe() {
    return "local";
  }
}
