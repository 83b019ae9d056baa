package io.eddy.state.rocksdb;

import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvWriteBatch;
import java.io.IOException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes to the columns of one RocksDB database collected in a native {@link WriteBatch} and
 * written with one {@code write} (TtlDB stamps the values as for single writes). The native batch
 * exists only between the first write and the commit, so an abandoned batch holds no memory.
 * Task thread only.
 */
final class RocksDbWriteBatch implements KvWriteBatch {
  private final RocksDbInstance instance;
  private WriteBatch batch;

  RocksDbWriteBatch(RocksDbInstance instance) {
    this.instance = instance;
  }

  private WriteBatch batch() {
    if (batch == null) {
      batch = new WriteBatch();
    }
    return batch;
  }

  @Override
  public void put(KvColumn column, byte[] key, byte[] value) throws IOException {
    try {
      batch().put(((RocksDbColumn) column).family(), key, value);
    } catch (RocksDBException e) {
      throw failure(e);
    }
  }

  @Override
  public void delete(KvColumn column, byte[] key) throws IOException {
    try {
      batch().delete(((RocksDbColumn) column).family(), key);
    } catch (RocksDBException e) {
      throw failure(e);
    }
  }

  @Override
  public void append(KvColumn column, byte[] key, byte[] operand) throws IOException {
    try {
      batch().merge(((RocksDbColumn) column).family(), key, operand);
    } catch (RocksDBException e) {
      throw failure(e);
    }
  }

  @Override
  public void commit() throws IOException {
    if (batch == null) {
      return;
    }
    try (WriteBatch written = batch) {
      batch = null;
      instance.db().write(instance.options().write, written);
    } catch (RocksDBException e) {
      throw failure(e);
    }
  }

  private IOException failure(RocksDBException e) {
    return new IOException("cannot write a batch to RocksDB in " + instance.directory() + ": " + e.getMessage(), e);
  }
}
