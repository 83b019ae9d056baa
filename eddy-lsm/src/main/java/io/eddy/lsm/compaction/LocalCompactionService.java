package io.eddy.lsm.compaction;

import io.eddy.fs.FileSystem;
import java.io.IOException;

/** Runs compactions on the calling thread, in this process. Thread-safe (stateless). */
public final class LocalCompactionService implements CompactionService {
  private final FileSystem fs;

  public LocalCompactionService(FileSystem fs) {
    this.fs = fs;
  }

  @Override
  public CompactionResult compact(CompactionJob job) throws IOException {
    return CompactionRunner.run(job, fs);
  }

  @Override
  public String describe() {
    return "local";
  }
}
