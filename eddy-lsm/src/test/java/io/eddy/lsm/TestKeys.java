package io.eddy.lsm;

import java.nio.charset.StandardCharsets;

/** Test helpers for readable keys and values. */
final class TestKeys {
  private TestKeys() {}

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String s(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static byte[] key(int i) {
    return b(String.format("key%08d", i));
  }

  /** Options that force many files, levels and compactions on tiny data. */
  static Options.Builder tiny() {
    return Options.builder()
        .writeBufferSize(4 << 10)
        .targetFileSize(8 << 10)
        .maxBytesForLevelBase(16 << 10)
        .level0CompactionTrigger(2)
        .blockSize(256)
        .blockCacheSize(64 << 10);
  }
}
