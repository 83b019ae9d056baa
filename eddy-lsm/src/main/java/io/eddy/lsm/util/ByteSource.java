package io.eddy.lsm.util;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sequential decoding of what a {@link ByteSink} wrote. Malformed input raises
 * {@link IllegalStateException}; callers that read files turn it into a corruption error
 * naming the file. Not thread-safe.
 */
public final class ByteSource {
  private final byte[] buf;
  private final int limit;
  private final int[] pos = new int[1];

  public ByteSource(byte[] buf, int offset, int limit) {
    this.buf = buf;
    this.pos[0] = offset;
    this.limit = limit;
  }

  public ByteSource(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public long varint() {
    return Coding.getVarint(buf, pos, limit);
  }

  public int varint32() {
    long v = varint();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new IllegalStateException("varint out of int range: " + v);
    }
    return (int) v;
  }

  public int u8() {
    need(1);
    return buf[pos[0]++] & 0xff;
  }

  public long longLE() {
    need(8);
    long v = Coding.getLongLE(buf, pos[0]);
    pos[0] += 8;
    return v;
  }

  public byte[] lengthPrefixed() {
    int n = varint32();
    need(n);
    byte[] out = Arrays.copyOfRange(buf, pos[0], pos[0] + n);
    pos[0] += n;
    return out;
  }

  public String string() {
    return new String(lengthPrefixed(), StandardCharsets.UTF_8);
  }

  public boolean hasRemaining() {
    return pos[0] < limit;
  }

  private void need(int n) {
    if (pos[0] + n > limit) {
      throw new IllegalStateException("truncated: need " + n + " bytes at " + pos[0] + " of " + limit);
    }
  }
}
