package io.eddy.state.disagg;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.state.PersistedHandle;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sizes a store's checkpoints report: a checkpoint references its manifests and the SST
 * files they list ({@link PersistedHandle#stateSize()}); what it adds is its manifests and the
 * SSTs the previous checkpoint of the store did not reference ({@link
 * PersistedHandle#checkpointedSize()}): the files flushed or compacted since, which a zero-copy
 * checkpoint makes part of the durable state. A restored store's first checkpoint is measured
 * against the checkpoints it was restored from (their manifests are read at the restore, while
 * they certainly exist).
 *
 * <p>Reads the manifests from the raw FileSystem (they are small, and not state reads: {@link
 * DisaggregatedKvStore#bytesRead()} does not count them). Thread-safe: persists may run on the
 * checkpoint I/O threads.
 */
final class CheckpointSizes {
  private final FileSystem fs;
  /** The SSTs of the previous checkpoint (or of the restored ones). */
  private Set<String> previous = Set.of();

  CheckpointSizes(FileSystem fs) {
    this.fs = fs;
  }

  /** The store was restored from checkpoints with these manifests. */
  synchronized void restoredFrom(List<String> manifests) throws IOException {
    Set<String> files = new HashSet<>();
    for (String manifest : manifests) {
      for (VersionEdit.LevelFile f : Manifest.read(fs, manifest).files()) {
        files.add(f.file().path());
      }
    }
    previous = files;
  }

  /** The handle of a checkpoint with the manifests {@code manifests}, with its sizes. */
  synchronized PersistedHandle measure(byte[] handle, List<String> manifests) throws IOException {
    long stateSize = 0;
    long added = 0;
    Set<String> current = new HashSet<>();
    for (String manifest : manifests) {
      long manifestSize = fs.size(manifest);
      stateSize += manifestSize;
      added += manifestSize;
      for (VersionEdit.LevelFile f : Manifest.read(fs, manifest).files()) {
        if (current.add(f.file().path())) {
          stateSize += f.file().size();
          if (!previous.contains(f.file().path())) {
            added += f.file().size();
          }
        }
      }
    }
    previous = current;
    return new PersistedHandle(handle, stateSize, added);
  }
}
