package io.eddy.state.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One keyspace of a {@link KvStore}. Keys start with the two-byte key group. Arrays passed in
 * may be reused by the caller after the call returns; arrays returned are the caller's.
 */
public interface KvColumn {
  /** The value, or null if absent. */
  byte[] get(byte[] key) throws IOException;

  /**
   * The values of {@code keys} (null where absent), in their order: one batched lookup where the
   * store has one. Thread-safe where the store's {@link KvStore#asyncReadThreads()} is not 0.
   */
  default List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    List<byte[]> values = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      values.add(get(key));
    }
    return values;
  }

  /**
   * The values of those {@code keys} the store can give without I/O (from memory and its caches),
   * on the calling thread: sets bit i of {@code answered} for each, with the i-th value (null where
   * absent or not answered). The rest are read with {@link #multiGet}, on read threads, so that
   * cache hits pay no thread hop. By default nothing is answered.
   */
  default List<byte[]> multiGetCached(List<byte[]> keys, BitSet answered) throws IOException {
    return Arrays.asList(new byte[keys.size()][]);
  }

  void put(byte[] key, byte[] value) throws IOException;

  void delete(byte[] key) throws IOException;

  /**
   * Appends {@code operand} to the value (as if {@code put(key, get(key) ++ operand)}); only on
   * columns opened with {@link ColumnOptions#appendMerge()}. Operands are self-delimiting byte
   * strings, so the concatenation needs no separator.
   */
  void append(byte[] key, byte[] operand) throws IOException;

  /**
   * The entries whose key starts with {@code prefix}, in ascending key order, as of the call (a
   * consistent view: writes made while iterating are not seen and do not disturb it).
   */
  KvCursor scan(byte[] prefix) throws IOException;
}
