package io.eddy.lsm.sst;

import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.Coding;
import java.util.Arrays;

/**
 * Builds one block: prefix-compressed entries with a restart point every
 * {@code restartInterval} keys (where the full key is stored), then the restart offsets.
 * Keys are internal keys: user key followed by the 8-byte little-endian trailer.
 * Entry: varint shared, varint unshared, varint valueLength, key suffix, value.
 * Block end: int32 restart offsets..., int32 restart count (all little-endian).
 *
 * <p>Thread safety: not thread-safe; one builder per table writer.
 */
final class BlockBuilder {
  private final int restartInterval;
  private final ByteSink buf = new ByteSink(8192);
  private int[] restarts = new int[64];
  private int restartCount;
  private int counter;
  private byte[] last = new byte[64];
  private int lastLength;
  private byte[] current = new byte[64];
  private int entries;

  BlockBuilder(int restartInterval) {
    this.restartInterval = restartInterval;
    reset();
  }

  void reset() {
    buf.reset();
    restartCount = 0;
    restarts[restartCount++] = 0;
    counter = 0;
    lastLength = 0;
    entries = 0;
  }

  /** REQUIRES: (key, trailer) sorts after every key added since the last reset. */
  void add(byte[] key, long trailer, byte[] value, int valueOff, int valueLen) {
    int keyLength = key.length + 8;
    if (current.length < keyLength) {
      current = new byte[Math.max(keyLength, current.length * 2)];
    }
    System.arraycopy(key, 0, current, 0, key.length);
    Coding.putLongLE(current, key.length, trailer);
    int shared = 0;
    if (counter < restartInterval) {
      int max = Math.min(lastLength, keyLength);
      shared = Arrays.mismatch(last, 0, max, current, 0, max);
      if (shared < 0) {
        shared = max;
      }
    } else {
      if (restartCount == restarts.length) {
        restarts = Arrays.copyOf(restarts, restartCount * 2);
      }
      restarts[restartCount++] = buf.size();
      counter = 0;
    }
    buf.putVarint(shared).putVarint(keyLength - shared).putVarint(valueLen);
    buf.put(current, shared, keyLength - shared).put(value, valueOff, valueLen);
    byte[] t = last;
    last = current;
    current = t;
    lastLength = keyLength;
    counter++;
    entries++;
  }

  boolean isEmpty() {
    return entries == 0;
  }

  /** Size of the block if finished now. */
  int estimatedSize() {
    return buf.size() + 4 * restartCount + 4;
  }

  /** Appends the restart array; the block is then in {@link #array()}[0, size). */
  int finish() {
    for (int i = 0; i < restartCount; i++) {
      buf.putIntLE(restarts[i]);
    }
    buf.putIntLE(restartCount);
    return buf.size();
  }

  byte[] array() {
    return buf.array();
  }
}
