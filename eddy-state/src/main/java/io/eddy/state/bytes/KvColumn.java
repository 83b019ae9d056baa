package io.eddy.state.bytes;

import java.io.IOException;

/**
 * One keyspace of a {@link KvStore}. Keys start with the two-byte key group. Arrays passed in
 * may be reused by the caller after the call returns; arrays returned are the caller's.
 */
public interface KvColumn {
  /** The value, or null if absent. */
  byte[] get(byte[] key) throws IOException;

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
