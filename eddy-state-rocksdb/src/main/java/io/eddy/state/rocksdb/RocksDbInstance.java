package io.eddy.state.rocksdb;

import io.eddy.state.KeyGroupRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.TtlDB;

/**
 * One open RocksDB database in a local directory with its column families, one per
 * {@link ColumnSpec}. It is opened as a TtlDB so that columns with a time to live are cleaned by
 * compaction (see {@link RocksDbKvStore} for why); every value carries TtlDB's 4-byte write time,
 * which reads strip. Files written this way must be reopened this way, which is why checkpoint
 * handles record the specs.
 *
 * <p>Owns every native object it opens; {@link #close} releases them all. Not thread-safe, except
 * that {@link #checkpointTo} may run while no other call does (RocksDB synchronizes internally).
 */
final class RocksDbInstance implements AutoCloseable {
  private final Path directory;
  private final NativeOptions options;
  private final TtlDB db;
  private final ColumnFamilyHandle defaultFamily;
  private final Map<String, Column> columns = new LinkedHashMap<>();

  /** A column family together with the spec it was opened with. */
  record Column(ColumnSpec spec, ColumnFamilyHandle handle) {}

  private RocksDbInstance(Path directory, NativeOptions options, TtlDB db, ColumnFamilyHandle defaultFamily) {
    this.directory = directory;
    this.options = options;
    this.db = db;
    this.defaultFamily = defaultFamily;
  }

  /**
   * Opens (creating if missing) the database in {@code directory}, which must hold exactly the
   * column families of {@code specs} if it exists.
   */
  static RocksDbInstance open(Path directory, Collection<ColumnSpec> specs, SharedMemory memory, boolean readOnly)
      throws IOException {
    NativeOptions options = new NativeOptions(memory);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    List<Integer> ttls = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options.plainColumn));
    ttls.add(0);
    for (ColumnSpec spec : specs) {
      descriptors.add(new ColumnFamilyDescriptor(spec.familyName(), options.columnOptions(spec)));
      ttls.add(spec.ttlSeconds());
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      TtlDB db = TtlDB.open(options.db, directory.toString(), descriptors, handles, ttls, readOnly);
      RocksDbInstance instance = new RocksDbInstance(directory, options, db, handles.get(0));
      int i = 1;
      for (ColumnSpec spec : specs) {
        instance.columns.put(spec.name(), new Column(spec, handles.get(i++)));
      }
      return instance;
    } catch (RocksDBException e) {
      handles.forEach(ColumnFamilyHandle::close);
      options.close();
      throw new IOException("cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
    }
  }

  Path directory() {
    return directory;
  }

  RocksDB db() {
    return db;
  }

  NativeOptions options() {
    return options;
  }

  /** The open column, or null. */
  Column column(String name) {
    return columns.get(name);
  }

  Collection<Column> columns() {
    return columns.values();
  }

  /** Creates the column family of a new column. */
  Column create(ColumnSpec spec) throws IOException {
    try {
      ColumnFamilyHandle handle = db.createColumnFamilyWithTtl(
          new ColumnFamilyDescriptor(spec.familyName(), options.columnOptions(spec)), spec.ttlSeconds());
      Column column = new Column(spec, handle);
      columns.put(spec.name(), column);
      return column;
    } catch (RocksDBException e) {
      throw new IOException("cannot create column '" + spec.name() + "' in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a RocksDB checkpoint of the current state into the new directory {@code target}:
   * memtables are flushed first, and the SST files are hard links (cheap, same file system).
   */
  void checkpointTo(Path target) throws IOException {
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(target.toString());
    } catch (RocksDBException e) {
      throw new IOException("cannot write a RocksDB checkpoint of " + directory + " to " + target + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Deletes, in every column, the keys of the key groups of {@code present} that are not in
   * {@code keep} (the shares of other subtasks after rescaling).
   */
  void deleteOutside(KeyGroupRange present, KeyGroupRange keep) throws IOException {
    try {
      for (Column column : columns.values()) {
        if (present.startKeyGroup() < keep.startKeyGroup()) {
          db.deleteRange(column.handle(), options.write,
              KeyGroupKeys.start(present), KeyGroupKeys.start(keep));
        }
        if (present.endKeyGroup() > keep.endKeyGroup()) {
          db.deleteRange(column.handle(), options.write, KeyGroupKeys.end(keep), KeyGroupKeys.end(present));
        }
      }
    } catch (RocksDBException e) {
      throw new IOException("cannot delete key groups outside " + keep + " in " + directory + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    columns.values().forEach(column -> column.handle().close());
    columns.clear();
    defaultFamily.close();
    db.close();
    options.close();
  }
}
