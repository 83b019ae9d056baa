package io.eddy.state.rocksdb;

import io.eddy.api.config.Configuration;
import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystems;
import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvStore;
import io.eddy.state.bytes.KvWriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;

/**
 * The keyed state of one operator subtask in an embedded RocksDB database on local disk
 * ({@code state.backend.type: rocksdb}), one column family per column, with incremental
 * checkpoints to {@code state.checkpoints.dir}.
 *
 * <p>Each store works in its own directory {@code <state.backend.rocksdb.localdir>/<store id>}
 * ({@link StoreDirectory}), deleted on {@link #close}; its memory counts against the process's
 * shared budget ({@link SharedMemory}). The database is opened on first use, or by
 * {@link #restore}. Writes skip the WAL: durability comes from checkpoints.
 *
 * <p>Checkpoints: {@link #snapshot} (task thread) writes a RocksDB checkpoint, which flushes the
 * memtables and hard-links the live files into a local folder; the returned snapshot's
 * {@code persist} (another thread) uploads the SSTs not uploaded before and the small metadata
 * files ({@link CheckpointLayout}), and returns a {@link CheckpointHandle}. Uploaded SSTs are
 * shared by later checkpoints and deleted once none of the retained ones needs them
 * ({@link SharedFileRegistry}). A restore downloads the files ({@link HandleRestore}).
 *
 * <p>Time to live: rocksdbjni cannot run compaction filters written in Java, and Flink's TTL
 * filter lives in its own RocksDB fork, so the 8-byte access timestamp Eddy puts in front of TTL
 * values cannot be read during compaction. The database is therefore opened as a TtlDB, RocksDB's
 * built-in TTL: every write appends a 4-byte wall-clock write time to the value (reads strip it),
 * and a column family created with a TTL drops values whose write time is older than the TTL
 * when compaction reaches them. The TTL is the column's, rounded up to whole seconds. Limits:
 * (1) it is write time, not access time: a read that does not write back does not extend it (Eddy
 * rewrites values whose TTL is refreshed on read, which does); (2) it is wall-clock time, so if a
 * job's processing time runs far behind the wall clock, compaction may drop a value readers would
 * still have returned; (3) merging list appends stamps the merged value with the time of the
 * merge, so an appended-to list is reclaimed only a TTL after the last compaction that merged it;
 * (4) expired values use disk until compaction reaches their files, and readers filter them
 * meanwhile; (5) the 4 bytes are paid by every value, in every column; (6) a column's TTL is fixed
 * when the store is restored: opening a restored column with another TTL is an error.
 *
 * <p>Not thread-safe: owned by the task thread (snapshots persist on other threads).
 */
public final class RocksDbKvStore implements KvStore {
  public static final String KIND = "rocksdb";

  private final StoreSettings settings;
  private final String storeId = UUID.randomUUID().toString();
  private final StoreDirectory directory;
  private final SharedMemory memory;
  private final TransferStats transferStats = TransferStats.forStore();
  private final SharedFileRegistry registry;
  private final Object uploadLock = new Object();
  private final Map<String, RocksDbColumn> columns = new HashMap<>();
  private FileTransfer transfer;
  private RocksDbInstance instance;
  private boolean closed;

  public RocksDbKvStore(Configuration configuration) throws IOException {
    this(StoreSettings.from(configuration));
  }

  public RocksDbKvStore(StoreSettings settings) throws IOException {
    this.settings = settings;
    this.directory = StoreDirectory.create(settings.localDirectory(), storeId);
    this.memory = SharedMemory.acquire(settings.memory());
    this.registry = new SharedFileRegistry(settings.retainedCheckpoints());
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The store's local working directory (removed by {@link #close}). */
  public Path localDirectory() {
    return directory.root();
  }

  /** What the store uploaded and downloaded so far. */
  public TransferStats transferStats() {
    return transferStats;
  }

  /** A RocksDB property of a column (such as {@code rocksdb.block-cache-capacity}), for diagnostics. */
  public String property(String column, String property) throws IOException {
    RocksDbInstance.Column open = instance().column(column);
    if (open == null) {
      throw new IllegalArgumentException("no column '" + column + "'");
    }
    try {
      return instance.db().getProperty(open.handle(), property);
    } catch (RocksDBException e) {
      throw new IOException("cannot read " + property + " of column '" + column + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void restore(List<KeyedStateHandle> handles, KeyGroupRange range) throws IOException {
    if (instance != null || closed) {
      throw new IllegalStateException("restore must come before the store is used, and before it is closed");
    }
    instance = new HandleRestore(directory, memory, transfer(), registry).restore(handles, range);
  }

  @Override
  public KvColumn column(String name, ColumnOptions options) throws IOException {
    RocksDbColumn column = columns.get(name);
    if (column != null) {
      return column;
    }
    ColumnSpec spec = new ColumnSpec(name, options);
    RocksDbInstance.Column open = instance().column(name);
    if (open == null) {
      open = instance.create(spec);
    } else if (!open.spec().equals(spec)) {
      throw new IOException("column '" + name + "' was checkpointed with " + open.spec().options()
          + " and is now opened with " + options + "; the RocksDB backend cannot change a column's options");
    }
    column = new RocksDbColumn(instance, open);
    columns.put(name, column);
    return column;
  }

  @Override
  public Collection<String> columnNames() throws IOException {
    return instance().columns().stream().map(column -> column.spec().name()).toList();
  }

  @Override
  public KvWriteBatch newWriteBatch() {
    try {
      return new RocksDbWriteBatch(instance());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RocksDB serves reads from any thread beside the task thread's writes: one read thread per executor. */
  @Override
  public int asyncReadThreads() {
    return 1;
  }

  @Override
  public FileHandleSnapshot snapshot(long checkpointId, KeyGroupRange range) throws IOException {
    Path local = directory.checkpoint(checkpointId);
    instance().checkpointTo(local);
    List<String> names;
    try (Stream<Path> files = Files.list(local)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    Set<String> shared = new HashSet<>();
    if (settings.incremental()) {
      names.stream().filter(CheckpointFile::isSst).forEach(shared::add);
    }
    registry.snapshotTaken(checkpointId, shared);
    List<ColumnSpec> specs = new ArrayList<>();
    instance.columns().forEach(column -> specs.add(column.spec()));
    RocksDbSnapshot.Uploader uploader = new RocksDbSnapshot.Uploader(
        new CheckpointLayout(settings.checkpointRoot(), storeId), transfer(), registry, settings.incremental(),
        uploadLock);
    return new RocksDbSnapshot(checkpointId, range, local, names, List.copyOf(specs), uploader);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws IOException {
    List<String> unneeded = registry.completed(checkpointId);
    for (String path : unneeded) {
      transfer().fileSystem().delete(path);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    columns.clear();
    try {
      if (instance != null) {
        instance.close();
      }
    } finally {
      memory.release();
      directory.delete();
      closeFileSystem();
    }
  }

  /** The open database (opened empty on first use); package-private for tests that compact it. */
  RocksDbInstance instance() throws IOException {
    if (closed) {
      throw new IllegalStateException("the RocksDB store " + storeId + " is closed");
    }
    if (instance == null) {
      instance = RocksDbInstance.open(directory.database(), List.of(), memory, false);
    }
    return instance;
  }

  private FileTransfer transfer() throws IOException {
    if (transfer == null) {
      FileSystem fs = FileSystems.forPath(settings.checkpointRoot());
      transfer = new FileTransfer(fs, settings.transferThreads(), transferStats);
    }
    return transfer;
  }

  private void closeFileSystem() {
    if (transfer != null) {
      try {
        transfer.fileSystem().close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the checkpoint file system of store " + storeId, e);
      }
    }
  }
}
