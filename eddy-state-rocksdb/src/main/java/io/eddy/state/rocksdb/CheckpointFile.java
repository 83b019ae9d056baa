package io.eddy.state.rocksdb;

/**
 * One file of a RocksDB checkpoint as uploaded: its {@code name} in the database directory (an
 * SST like {@code 000042.sst}, or MANIFEST, CURRENT, OPTIONS, an empty WAL), the full
 * {@code path} of the copy on the checkpoint FileSystem, and its size and CRC32C so that a
 * restore detects a truncated or corrupt copy and names it.
 */
record CheckpointFile(String name, String path, long size, int crc32c) {

  /** SST files never change once written, so a later checkpoint can reuse their upload. */
  boolean isSst() {
    return isSst(name);
  }

  static boolean isSst(String name) {
    return name.endsWith(".sst");
  }
}
