package io.eddy.state.rocksdb;

import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.PersistedHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A RocksDB checkpoint of one store, pinned in a local directory (hard links, taken on the task
 * thread) until {@link #persist} has uploaded what the checkpoint FileSystem lacks: SSTs that no
 * earlier checkpoint of the store uploaded (all of them when not incremental), and every small
 * non-SST file into the checkpoint's exclusive folder. Persists of one store run one at a time
 * (they share the store's upload lock), so two never upload the same SST. The handle reports
 * the size of every file it names (the state size) and of the files this checkpoint uploaded
 * (the checkpointed size: new SSTs and the small files when incremental, everything when not).
 */
final class RocksDbSnapshot implements FileHandleSnapshot {
  private final long checkpointId;
  private final KeyGroupRange range;
  private final Path localCheckpoint;
  private final List<String> fileNames;
  private final List<ColumnSpec> columns;
  private final Uploader uploader;

  /** What the snapshot needs from its store to upload, shared by all snapshots of that store. */
  record Uploader(
      CheckpointLayout layout, FileTransfer transfer, SharedFileRegistry registry, boolean incremental, Object lock) {}

  RocksDbSnapshot(long checkpointId, KeyGroupRange range, Path localCheckpoint, List<String> fileNames,
      List<ColumnSpec> columns, Uploader uploader) {
    this.checkpointId = checkpointId;
    this.range = range;
    this.localCheckpoint = localCheckpoint;
    this.fileNames = fileNames;
    this.columns = columns;
    this.uploader = uploader;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public PersistedHandle persist() throws IOException {
    synchronized (uploader.lock()) {
      List<CheckpointFile> reused = new ArrayList<>();
      List<Callable<CheckpointFile>> sharedUploads = new ArrayList<>();
      List<Callable<CheckpointFile>> exclusiveUploads = new ArrayList<>();
      for (String name : fileNames) {
        Path local = localCheckpoint.resolve(name);
        if (uploader.incremental() && CheckpointFile.isSst(name)) {
          CheckpointFile known = uploader.registry().uploaded(name);
          if (known != null) {
            reused.add(known);
          } else {
            sharedUploads.add(() -> {
              CheckpointFile file = uploader.transfer().upload(local, uploader.layout().shared(name), true);
              uploader.registry().uploadedByThisStore(file);
              return file;
            });
          }
        } else {
          exclusiveUploads.add(() -> uploadExclusive(local, name));
        }
      }
      List<CheckpointFile> uploaded = new ArrayList<>(uploader.transfer().runAll(sharedUploads));
      uploaded.addAll(uploader.transfer().runAll(exclusiveUploads));
      List<CheckpointFile> files = new ArrayList<>(reused);
      files.addAll(uploaded);
      byte[] handle = new CheckpointHandle(uploader.layout().storeId(), checkpointId, columns, files).encode();
      return new PersistedHandle(handle, totalSize(files), totalSize(uploaded));
    }
  }

  private static long totalSize(List<CheckpointFile> files) {
    return files.stream().mapToLong(CheckpointFile::size).sum();
  }

  private CheckpointFile uploadExclusive(Path local, String name) throws IOException {
    CheckpointFile file = uploader.transfer().upload(local, uploader.layout().exclusive(checkpointId, name), false);
    if (!uploader.registry().exclusiveUploaded(checkpointId, file)) {
      uploader.transfer().fileSystem().delete(file.path());
      throw new IOException("checkpoint " + checkpointId + " was subsumed by a newer one while it was uploaded");
    }
    return file;
  }

  @Override
  public void release() {
    StoreDirectory.deleteRecursively(localCheckpoint);
  }
}
