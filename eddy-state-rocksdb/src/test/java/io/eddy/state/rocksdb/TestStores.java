package io.eddy.state.rocksdb;

import java.nio.file.Path;

/** Store settings for tests: working and checkpoint directories under one temporary folder, a small budget. */
final class TestStores {
  static final MemorySettings MEMORY = new MemorySettings(32L << 20, 0.5, 0.1);

  private TestStores() {}

  static StoreSettings settings(Path temp) {
    return settings(temp, 1, true);
  }

  static StoreSettings settings(Path temp, int retained, boolean incremental) {
    return new StoreSettings(temp.resolve("local"), MEMORY, checkpointDirectory(temp), retained, incremental, 2);
  }

  static String checkpointDirectory(Path temp) {
    return temp.resolve("checkpoints").toString();
  }

  static byte[] key(int keyGroup, String rest) {
    byte[] tail = rest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] key = new byte[2 + tail.length];
    key[0] = (byte) (keyGroup >>> 8);
    key[1] = (byte) keyGroup;
    System.arraycopy(tail, 0, key, 2, tail.length);
    return key;
  }

  static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
