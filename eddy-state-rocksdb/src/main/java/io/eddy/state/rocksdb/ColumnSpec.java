package io.eddy.state.rocksdb;

import io.eddy.state.bytes.ColumnOptions;
import java.nio.charset.StandardCharsets;

/**
 * A {@link io.eddy.state.bytes.KvColumn} as RocksDB knows it: one column family, named
 * {@code "c/" + name} so that no column can collide with RocksDB's own {@code default} family.
 * Checkpoint handles record the specs so that a restore opens the same families with the same
 * merge operator and time to live.
 */
record ColumnSpec(String name, ColumnOptions options) {

  byte[] familyName() {
    return ("c/" + name).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The column family's time to live in whole seconds, rounded up so that compaction never drops a
   * value before readers would consider it expired; 0 (no expiry) without a TTL.
   */
  int ttlSeconds() {
    long millis = options.ttlMillis();
    if (millis <= 0) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
  }
}
