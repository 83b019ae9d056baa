package io.eddy.lsm;

import io.eddy.lsm.util.InternalKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes applied atomically and in order by {@link Db#write}: readers see all of a batch
 * or none of it. The batch keeps references to the given arrays; do not mutate them
 * before the write.
 *
 * <p>Thread safety: not thread-safe; build a batch on one thread.
 */
public final class WriteBatch {
  private final List<byte[]> keys = new ArrayList<>();
  private final List<byte[]> values = new ArrayList<>();
  private byte[] types = new byte[16];
  private long bytes;

  private WriteBatch add(int type, byte[] key, byte[] value) {
    if (keys.size() == types.length) {
      types = Arrays.copyOf(types, types.length * 2);
    }
    types[keys.size()] = (byte) type;
    keys.add(key);
    values.add(value);
    bytes += key.length + (value == null ? 0 : value.length);
    return this;
  }

  public WriteBatch put(byte[] key, byte[] value) {
    return add(InternalKey.TYPE_PUT, key, value);
  }

  public WriteBatch delete(byte[] key) {
    return add(InternalKey.TYPE_DELETE, key, null);
  }

  public WriteBatch merge(byte[] key, byte[] operand) {
    return add(InternalKey.TYPE_MERGE, key, operand);
  }

  public int count() {
    return keys.size();
  }

  /** Approximate payload bytes. */
  public long byteSize() {
    return bytes;
  }

  public void clear() {
    keys.clear();
    values.clear();
    bytes = 0;
  }

  int type(int i) {
    return types[i];
  }

  byte[] key(int i) {
    return keys.get(i);
  }

  byte[] value(int i) {
    return values.get(i);
  }
}
