package io.eddy.state.disagg;

import io.eddy.fs.CountingFileSystem;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.Db;
import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.PersistedHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvStore;
import io.eddy.state.bytes.KvWriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The keyed state of one operator subtask in eddy-lsm, with its primary copy on a FileSystem
 * (local folder, S3, HDFS): the store behind {@code state.backend.type: disaggregated}.
 *
 * <p><b>Layout.</b> All columns share one LSM tree per {@link StorePart}, keys laid out {@code
 * [keyGroup:2][columnId:2][rest]} ({@link ColumnKeys}). One tree rather than one per column, so
 * a checkpoint is one memtable flush and one manifest whatever the number of states, memory is
 * one write buffer per store, and two background threads serve all columns; a key-group range
 * is still one key range, so a rescale opens one range per part.
 *
 * <p><b>Checkpoints</b> are eddy-lsm's zero-copy checkpoints in two parts: {@link #snapshot}, on
 * the task thread, only makes each part's memtable immutable (no I/O, no wait for a flush or a
 * compaction); the snapshot's {@code persist()}, on a checkpoint I/O thread, waits for those
 * memtables' flushes and writes a {@code CHECKPOINT} manifest per part, then reads the
 * manifests back for the sizes ({@link CheckpointSizes}). The handle ({@link StoreHandle})
 * names the manifests and column tables; nothing is copied or uploaded.
 * {@link #notifyCheckpointComplete} keeps the newest {@code numRetained} completed checkpoints
 * and releases older and aborted ones ({@link RetainedCheckpoints}).
 *
 * <p><b>Restore</b> opens each overlapping handle part directly from its manifest, restricted to
 * the key groups this store owns: only manifests are read, blocks come on demand through the
 * caches ({@link #bytesReadByRestore()} shows it). Handles from several old subtasks become
 * several parts, and every key is routed to its key group's part ({@link PartRouter}). Restored
 * parts read the old directories' files but never delete them (eddy-lsm deletes only inside a
 * tree's own directory).
 *
 * <p><b>Close</b> deletes every file of the store's directory that no kept checkpoint needs, so
 * a job without checkpoints leaves nothing behind. It cancels flushes and compactions, unless
 * {@link StoreConfig#closeAwaitsBackgroundWork()} (a benchmark's job must pay for them).
 *
 * <p>Lifecycle per {@link KvStore}: {@link #restore} at most once, before the first {@link
 * #column} or {@link #snapshot}; not thread-safe except that columns' reads are.
 */
public final class DisaggregatedKvStore implements KvStore {
  /** The {@code state.backend.type} of this store. */
  public static final String KIND = "disaggregated";
  private static final Logger LOG = Logger.getLogger(DisaggregatedKvStore.class.getName());
  private static final KeyGroupRange ALL_KEY_GROUPS = KeyGroupRange.of(0, ColumnKeys.MAX_KEY_GROUP);

  private final StoreConfig config;
  private final CountingFileSystem fs;
  private final RetainedCheckpoints checkpoints;
  private final CheckpointSizes sizes;
  private PartRouter parts;
  private int partsCreated;
  private long bytesReadByRestore;
  private boolean closed;

  public DisaggregatedKvStore(StoreConfig config) {
    this.config = config;
    this.fs = new CountingFileSystem(config.fs());
    this.checkpoints = new RetainedCheckpoints(config.numRetained());
    this.sizes = new CheckpointSizes(config.fs());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void restore(List<KeyedStateHandle> handles, KeyGroupRange range) throws IOException {
    if (parts != null) {
      throw new IllegalStateException("restore must come before the first column or snapshot");
    }
    List<StorePart> opened = new ArrayList<>();
    List<String> manifests = new ArrayList<>();
    try {
      for (KeyedStateHandle handle : handles) {
        for (StoreHandle.Part part : StoreHandle.decode(handle.handle()).parts()) {
          KeyGroupRange mine = part.keyGroups().intersection(handle.keyGroups()).intersection(range);
          if (mine.size() > 0) {
            opened.add(StorePart.restore(config, fs, newPartDirectory(), part, mine));
            manifests.add(part.manifestPath());
          }
        }
      }
      for (KeyGroupRange gap : PartRouter.gaps(opened.stream().map(StorePart::keyGroups).toList(), range)) {
        opened.add(StorePart.create(config, fs, newPartDirectory(), gap));
      }
      parts = new PartRouter(opened);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(opened, e);
      throw e;
    }
    bytesReadByRestore = fs.bytesRead();
    sizes.restoredFrom(manifests);
  }

  private static void closeAfterFailure(List<StorePart> opened, Exception failure) {
    for (StorePart p : opened) {
      try {
        p.closeAndClean(Set.of());
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private String newPartDirectory() {
    return FsPaths.join(config.directory(), "part-" + partsCreated++);
  }

  /** The parts, opening a fresh one for every key group on first use. */
  private PartRouter parts() throws IOException {
    if (closed) {
      throw new IllegalStateException("the state store is closed: " + config.directory());
    }
    if (parts == null) {
      parts = new PartRouter(List.of(StorePart.create(config, fs, newPartDirectory(), ALL_KEY_GROUPS)));
    }
    return parts;
  }

  @Override
  public KvColumn column(String name, ColumnOptions options) throws IOException {
    PartRouter router = parts();
    int[] ids = new int[router.size()];
    for (int p = 0; p < ids.length; p++) {
      ids[p] = router.part(p).columnId(name, options);
    }
    return new DisaggregatedColumn(name, router, ids, options);
  }

  @Override
  public Collection<String> columnNames() throws IOException {
    PartRouter router = parts();
    Set<String> names = new LinkedHashSet<>();
    for (int p = 0; p < router.size(); p++) {
      names.addAll(router.part(p).columnNames());
    }
    return names;
  }

  @Override
  public KvWriteBatch newWriteBatch() {
    try {
      return new DisaggregatedWriteBatch(parts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code state.disaggregated.executor.read-io-parallelism}: eddy-lsm reads are thread-safe beside writes. */
  @Override
  public int asyncReadThreads() {
    return config.readIoParallelism();
  }

  /** eddy-lsm's cached-only lookups: memtables, the filters of open tables, the block cache. */
  @Override
  public boolean answersCachedReads() {
    return true;
  }

  @Override
  public FileHandleSnapshot snapshot(long checkpointId, KeyGroupRange range) throws IOException {
    PartRouter router = parts();
    List<StorePart.Checkpoint> taken = new ArrayList<>();
    try {
      for (int p = 0; p < router.size(); p++) {
        taken.add(router.part(p).checkpoint(range));
      }
    } catch (IOException | RuntimeException e) {
      for (StorePart.Checkpoint c : taken) {
        c.part().release(c.lsm());
      }
      throw e;
    }
    checkpoints.add(checkpointId, taken);
    StoreHandle stored = new StoreHandle(taken.stream().map(StorePart.Checkpoint::handle).toList());
    byte[] handle = stored.encode();
    return new FileHandleSnapshot() {
      @Override
      public PersistedHandle persist() throws IOException {
        for (StorePart.Checkpoint c : taken) {
          c.lsm().complete(); // the memtable's flush and the manifest; the SST files are already on the FileSystem
        }
        return sizes.measure(handle.clone(), stored.parts().stream().map(StoreHandle.Part::manifestPath).toList());
      }

      @Override
      public KeyGroupRange keyGroupRange() {
        return range;
      }

      @Override
      public void release() {
        // the files stay until the checkpoint is subsumed: see notifyCheckpointComplete
      }
    };
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws IOException {
    checkpoints.complete(checkpointId);
  }

  /** Bytes this store has read from its primary FileSystem so far (local cache hits excluded). */
  public long bytesRead() {
    return fs.bytesRead();
  }

  /** Bytes read from the primary FileSystem by {@link #restore}: the checkpoint manifests only. */
  public long bytesReadByRestore() {
    return bytesReadByRestore;
  }

  /** The parts' trees, for tests and tools that inspect or compact them. */
  List<Db> trees() throws IOException {
    PartRouter router = parts();
    List<Db> trees = new ArrayList<>();
    for (int p = 0; p < router.size(); p++) {
      trees.add(router.part(p).db());
    }
    return trees;
  }

  /** Flushes every part and waits until no compaction is due in any. */
  private void awaitBackgroundWork() {
    for (int p = 0; p < parts.size(); p++) {
      try {
        parts.part(p).db().flush();
        parts.part(p).db().waitForCompact();
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "could not finish the background work of a part of " + config.directory(), e);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (parts != null && config.closeAwaitsBackgroundWork()) {
      awaitBackgroundWork();
    }
    if (parts != null) {
      for (int p = 0; p < parts.size(); p++) {
        StorePart part = parts.part(p);
        try {
          part.closeAndClean(checkpoints.manifestsToKeep(part));
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "could not close and clean a part of " + config.directory(), e);
        }
      }
    }
    try {
      EmptyDirectories.delete(fs, config.directory());
      config.resources().close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not release the resources of " + config.directory(), e);
    }
  }

  @Override
  public String toString() {
    return "DisaggregatedKvStore[" + config.directory() + "]";
  }
}
