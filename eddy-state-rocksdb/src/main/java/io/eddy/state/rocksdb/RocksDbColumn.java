package io.eddy.state.rocksdb;

import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A {@link KvColumn} on one RocksDB column family. {@link #append} is a RocksDB merge with a
 * concatenating operator that folds n operands in linear time ({@link NativeOptions}), so list
 * appends never read. Scans read through a RocksDB iterator, which sees the database as of its creation (an
 * implicit snapshot), bounded by the prefix's upper bound. Used by the task thread, except {@link
 * #get} and {@link #multiGet}, which an asynchronous state executor also calls from its read thread.
 */
final class RocksDbColumn implements KvColumn {
  private final String name;
  private final RocksDbInstance instance;
  private final RocksDB db;
  private final ColumnFamilyHandle family;
  private final boolean appendable;

  RocksDbColumn(RocksDbInstance instance, RocksDbInstance.Column column) {
    this.name = column.spec().name();
    this.instance = instance;
    this.db = instance.db();
    this.family = column.handle();
    this.appendable = column.spec().options().appendMerge();
  }

  @Override
  public byte[] get(byte[] key) throws IOException {
    try {
      return db.get(family, instance.options().read, key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  /** One RocksDB {@code multiGetAsList} for the whole list. */
  @Override
  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    try {
      return db.multiGetAsList(instance.options().read, Collections.nCopies(keys.size(), family), keys);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  ColumnFamilyHandle family() {
    return family;
  }

  @Override
  public void put(byte[] key, byte[] value) throws IOException {
    try {
      db.put(family, instance.options().write, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  @Override
  public void delete(byte[] key) throws IOException {
    try {
      db.delete(family, instance.options().write, key);
    } catch (RocksDBException e) {
      throw failure("delete from", e);
    }
  }

  @Override
  public void append(byte[] key, byte[] operand) throws IOException {
    if (!appendable) {
      throw new UnsupportedOperationException("column '" + name + "' was not created with appendMerge");
    }
    try {
      db.merge(family, instance.options().write, key, operand);
    } catch (RocksDBException e) {
      throw failure("append to", e);
    }
  }

  /**
   * Reuses the instance's scan options: the iterator copies them when created, and the upper bound
   * slice it points to belongs to the cursor, which frees it on close.
   */
  @Override
  public KvCursor scan(byte[] prefix) {
    byte[] end = KeyGroupKeys.prefixEnd(prefix);
    Slice upperBound = end == null ? null : new Slice(end);
    RocksIterator iterator = db.newIterator(family, instance.options().scan.setIterateUpperBound(upperBound));
    iterator.seek(prefix);
    return new RocksDbCursor(iterator, upperBound);
  }

  private IOException failure(String what, RocksDBException e) {
    return new IOException("cannot " + what + " column '" + name + "' in " + instance.directory() + ": "
        + e.getMessage(), e);
  }
}
