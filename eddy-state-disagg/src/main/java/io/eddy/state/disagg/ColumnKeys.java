package io.eddy.state.disagg;

import io.eddy.lsm.KeyRange;
import io.eddy.state.KeyGroupRange;

/**
 * The layout of keys inside a store part's LSM tree: {@code [keyGroup:2][columnId:2][rest]},
 * where {@code [keyGroup:2][rest]} is the key a {@link io.eddy.state.bytes.KvColumn} was given.
 * The column id goes after the key group, not before it, so that a key-group range is still one
 * contiguous key range covering every column: a checkpoint restricted to some key groups
 * ({@code Db.openFromCheckpoint(..., KeyRange)}) needs exactly one range.
 *
 * <p>Stateless and thread-safe.
 */
final class ColumnKeys {
  /** Column ids are two bytes. */
  static final int MAX_COLUMN_ID = 0xFFFF;
  /** Key groups are two bytes. */
  static final int MAX_KEY_GROUP = 0xFFFF;

  private ColumnKeys() {}

  /** The key group of a column key or a stored key (both start with it). */
  static int keyGroup(byte[] key) {
    requireKeyGroup(key);
    return ((key[0] & 0xff) << 8) | (key[1] & 0xff);
  }

  private static void requireKeyGroup(byte[] key) {
    if (key.length < 2) {
      throw new IllegalArgumentException("a state key starts with its two-byte key group; got " + key.length + " bytes");
    }
  }

  /** The column id of a stored key. */
  static int columnId(byte[] stored) {
    return ((stored[2] & 0xff) << 8) | (stored[3] & 0xff);
  }

  /** The stored form of a column key: the column id inserted after the key group. */
  static byte[] stored(byte[] key, int columnId) {
    requireKeyGroup(key);
    byte[] out = new byte[key.length + 2];
    out[0] = key[0];
    out[1] = key[1];
    out[2] = (byte) (columnId >>> 8);
    out[3] = (byte) columnId;
    System.arraycopy(key, 2, out, 4, key.length - 2);
    return out;
  }

  /** The column key of a stored key: the column id removed. */
  static byte[] columnKey(byte[] stored) {
    byte[] out = new byte[stored.length - 2];
    out[0] = stored[0];
    out[1] = stored[1];
    System.arraycopy(stored, 4, out, 2, stored.length - 4);
    return out;
  }

  /** The smallest stored key of a column in a key group: {@code [keyGroup][columnId]}. */
  static byte[] groupStart(int keyGroup, int columnId) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup, (byte) (columnId >>> 8), (byte) columnId};
  }

  /** Every stored key of the key groups of {@code range}, whatever the column. */
  static KeyRange keyRange(KeyGroupRange range) {
    byte[] start = {(byte) (range.startKeyGroup() >>> 8), (byte) range.startKeyGroup()};
    int next = range.endKeyGroup() + 1;
    byte[] end = next > MAX_KEY_GROUP ? null : new byte[] {(byte) (next >>> 8), (byte) next};
    return new KeyRange(start, end);
  }
}
