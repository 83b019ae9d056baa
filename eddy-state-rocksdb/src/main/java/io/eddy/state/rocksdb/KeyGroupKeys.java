package io.eddy.state.rocksdb;

import io.eddy.state.KeyGroupRange;
import java.util.Arrays;

/**
 * Key bounds in the byte layout {@code [keyGroup:2 BE][...]} that every column uses: a key-group
 * range is the key range [{@link #start}, {@link #end}), and a prefix scan ends at
 * {@link #prefixEnd}. Stateless.
 */
final class KeyGroupKeys {
  /** Key groups are two bytes; the last one has no two-byte exclusive end. */
  static final int MAX_KEY_GROUP = 0xFFFE;

  private KeyGroupKeys() {}

  /** The first key of the range's first key group. */
  static byte[] start(KeyGroupRange range) {
    return prefix(range.startKeyGroup());
  }

  /** The first key after the range's last key group. */
  static byte[] end(KeyGroupRange range) {
    return prefix(range.endKeyGroup() + 1);
  }

  private static byte[] prefix(int keyGroup) {
    if (keyGroup < 0 || keyGroup > MAX_KEY_GROUP + 1) {
      throw new IllegalArgumentException("key group " + keyGroup + " does not fit the two-byte key prefix");
    }
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}, or null if there is none
   * (the prefix is empty or all 0xFF bytes).
   */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }
}
