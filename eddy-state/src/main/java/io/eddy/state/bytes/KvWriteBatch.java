package io.eddy.state.bytes;

import java.io.IOException;

/**
 * Writes collected for several columns of one {@link KvStore} and applied together by {@link
 * #commit()}, in the order they were added (one RocksDB or eddy-lsm write batch instead of one
 * call per write). Arrays passed in must not change until the commit. Not thread-safe.
 */
public interface KvWriteBatch {
  void put(KvColumn column, byte[] key, byte[] value) throws IOException;

  void delete(KvColumn column, byte[] key) throws IOException;

  /** As {@link KvColumn#append}. */
  void append(KvColumn column, byte[] key, byte[] operand) throws IOException;

  /** Applies the writes added since the last commit; the batch is empty afterwards. */
  void commit() throws IOException;

  /** A batch that writes through at once (for stores without a native write batch). */
  static KvWriteBatch immediate() {
    return new KvWriteBatch() {
      @Override
      public void put(KvColumn column, byte[] key, byte[] value) throws IOException {
        column.put(key, value);
      }

      @Override
      public void delete(KvColumn column, byte[] key) throws IOException {
        column.delete(key);
      }

      @Override
      public void append(KvColumn column, byte[] key, byte[] operand) throws IOException {
        column.append(key, operand);
      }

      @Override
      public void commit() {}
    };
  }
}
