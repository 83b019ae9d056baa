package io.eddy.bench.lsm;

import java.io.IOException;
import java.util.List;

/**
 * The operations the LSM benchmark measures, implemented by eddy-lsm and by rocksdbjni with
 * comparable options, so both run the identical driver. Single-threaded use.
 */
interface KvStore extends AutoCloseable {
  String name();

  void put(byte[] key, byte[] value) throws IOException;

  byte[] get(byte[] key) throws IOException;

  List<byte[]> multiGet(List<byte[]> keys) throws IOException;

  /** Iterates everything; returns the number of keys. */
  long scanAll() throws IOException;

  /** Writes the memtable out and waits for it. */
  void flush() throws IOException;

  /** Compacts everything and waits, so both stores are read in a settled shape. */
  void compactAll() throws IOException;

  /** One line describing the store's shape (levels, caches). */
  String describe() throws IOException;

  @Override
  void close() throws IOException;
}
