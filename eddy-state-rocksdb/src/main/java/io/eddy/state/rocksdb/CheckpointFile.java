package io.eddy.state.rocksdb;

/**
 * One file of a RocksDB checkpoint as uploaded: its {@code name} in the database directory (an
 * SST like {@code 000042.sst}, or MANIFEST, CURRENT, OPTIONS, an empty WAL), the full
 * {@code path} of the copy on the checkpoint FileSystem, its size and CRC32C so that a restore
 * detects a truncated or corrupt copy and names it, and whether the copy is {@code shared}: in a
 * store's shared folder, where later checkpoints (also of stores restored from this one) may
 * reference it, rather than in one checkpoint's exclusive folder, which goes with the checkpoint.
 */
record CheckpointFile(String name, String path, long size, int crc32c, boolean shared) {

  /** SST files never change once written, so a later checkpoint can reuse their upload. */
  static boolean isSst(String name) {
    return name.endsWith(".sst");
  }
}
