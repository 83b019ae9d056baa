package io.eddy.state.rocksdb;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * Builds a store's database from checkpoint handles (restoring RocksDB means downloading its
 * files), keeping only the key groups of the store's range, as Flink does:
 *
 * <ul>
 *   <li>The base is the handle that holds the whole range, or else the one overlapping it most.
 *       Its files are downloaded into the store's database directory and opened as they are; the
 *       key groups outside the range are deleted with range deletions (cheap, reclaimed by later
 *       compactions). Its shared SSTs are registered as already uploaded, so the next checkpoint
 *       references them instead of uploading them again (files in the exclusive folder of the
 *       restored checkpoint are uploaded again: they go when that checkpoint does).
 *   <li>Every other handle (rescaling that merges subtasks) is downloaded into a temporary
 *       directory, opened read-only, and the entries of the range's key groups are copied over,
 *       column by column, in write batches.
 * </ul>
 */
final class HandleRestore {
  private static final long BATCH_BYTES = 4L << 20;

  private final StoreDirectory directory;
  private final SharedMemory memory;
  private final FileTransfer transfer;
  private final SharedFileRegistry registry;

  HandleRestore(StoreDirectory directory, SharedMemory memory, FileTransfer transfer, SharedFileRegistry registry) {
    this.directory = directory;
    this.memory = memory;
    this.transfer = transfer;
    this.registry = registry;
  }

  /** A handle to restore from: the key groups its subtask owned, its contents, what of it this store keeps. */
  private record Source(KeyGroupRange keyGroups, CheckpointHandle handle, KeyGroupRange overlap) {}

  /** The restored database; handles that do not overlap {@code range} are ignored. */
  RocksDbInstance restore(List<KeyedStateHandle> handles, KeyGroupRange range) throws IOException {
    List<Source> sources = new ArrayList<>();
    for (KeyedStateHandle handle : handles) {
      KeyGroupRange overlap = handle.keyGroups().intersection(range);
      if (overlap.size() > 0) {
        sources.add(new Source(handle.keyGroups(), CheckpointHandle.decode(handle.handle()), overlap));
      }
    }
    if (sources.isEmpty()) {
      return RocksDbInstance.open(directory.database(), List.of(), memory, false);
    }
    sources.sort(Comparator.comparingInt((Source s) -> s.overlap().size()).reversed());
    Source base = sources.get(0);
    RocksDbInstance instance = openBase(base, range);
    try {
      for (int i = 1; i < sources.size(); i++) {
        copyInto(instance, sources.get(i), i);
      }
      return instance;
    } catch (IOException | RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  private RocksDbInstance openBase(Source base, KeyGroupRange range) throws IOException {
    Files.createDirectories(directory.database());
    transfer.downloadAll(base.handle().files(), directory.database());
    RocksDbInstance instance = RocksDbInstance.open(directory.database(), base.handle().columns(), memory, false);
    try {
      instance.deleteOutside(base.keyGroups(), range);
    } catch (IOException e) {
      instance.close();
      throw e;
    }
    base.handle().files().stream().filter(CheckpointFile::shared).forEach(registry::restored);
    return instance;
  }

  private void copyInto(RocksDbInstance target, Source source, int index) throws IOException {
    Path temporary = directory.restore(index);
    Files.createDirectories(temporary);
    try {
      transfer.downloadAll(source.handle().files(), temporary);
      try (RocksDbInstance other = RocksDbInstance.open(temporary, source.handle().columns(), memory, true)) {
        for (RocksDbInstance.Column column : other.columns()) {
          copyColumn(other, column, target, targetColumn(target, column.spec()), source.overlap());
        }
      }
    } finally {
      StoreDirectory.deleteRecursively(temporary);
    }
  }

  private static RocksDbInstance.Column targetColumn(RocksDbInstance target, ColumnSpec spec) throws IOException {
    RocksDbInstance.Column existing = target.column(spec.name());
    if (existing == null) {
      return target.create(spec);
    }
    if (!existing.spec().equals(spec)) {
      throw new IOException("column '" + spec.name() + "' has options " + existing.spec().options()
          + " in one restored checkpoint handle and " + spec.options() + " in another");
    }
    return existing;
  }

  private static void copyColumn(RocksDbInstance from, RocksDbInstance.Column column, RocksDbInstance to,
      RocksDbInstance.Column into, KeyGroupRange keyGroups) throws IOException {
    try (Slice upper = new Slice(KeyGroupKeys.end(keyGroups));
        RocksIterator it = from.db().newIterator(column.handle(), from.options().scan.setIterateUpperBound(upper));
        WriteBatch batch = new WriteBatch()) {
      for (it.seek(KeyGroupKeys.start(keyGroups)); it.isValid(); it.next()) {
        batch.put(into.handle(), it.key(), it.value());
        if (batch.getDataSize() >= BATCH_BYTES) {
          to.db().write(to.options().write, batch);
          batch.clear();
        }
      }
      it.status();
      to.db().write(to.options().write, batch);
    } catch (RocksDBException e) {
      throw new IOException("cannot copy column '" + column.spec().name() + "' from " + from.directory()
          + " while restoring: " + e.getMessage(), e);
    }
  }
}
