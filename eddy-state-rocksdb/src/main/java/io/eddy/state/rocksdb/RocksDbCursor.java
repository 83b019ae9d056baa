package io.eddy.state.rocksdb;

import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A {@link KvCursor} over a RocksDB iterator already positioned at the first candidate (its upper
 * bound stops it at the end of the prefix). Owns the iterator and the bound; close frees both.
 */
final class RocksDbCursor implements KvCursor {
  private final RocksIterator iterator;
  private final Slice upperBound;
  private boolean started;
  private byte[] key;
  private byte[] value;

  RocksDbCursor(RocksIterator iterator, Slice upperBound) {
    this.iterator = iterator;
    this.upperBound = upperBound;
  }

  @Override
  public boolean next() throws IOException {
    if (started) {
      iterator.next();
    }
    started = true;
    if (!iterator.isValid()) {
      try {
        iterator.status();
      } catch (RocksDBException e) {
        throw new IOException("RocksDB scan failed: " + e.getMessage(), e);
      }
      key = null;
      value = null;
      return false;
    }
    key = iterator.key();
    value = iterator.value();
    return true;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {
    iterator.close();
    if (upperBound != null) {
      upperBound.close();
    }
  }
}
