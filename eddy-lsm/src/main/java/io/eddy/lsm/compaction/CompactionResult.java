package io.eddy.lsm.compaction;

import io.eddy.lsm.manifest.FileMeta;
import java.util.List;

/**
 * What a compaction produced: its output files (already published on the FileSystem, not
 * yet part of any version) and counters. Immutable.
 */
public record CompactionResult(List<FileMeta> outputs, long entriesIn, long entriesOut, long bytesWritten) {
  public CompactionResult {
    outputs = List.copyOf(outputs);
  }
}
