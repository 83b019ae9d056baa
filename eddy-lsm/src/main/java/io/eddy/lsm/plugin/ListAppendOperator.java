package io.eddy.lsm.plugin;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Appends byte strings: the value is the concatenation of base and operands, oldest first
 * (callers frame their elements, e.g. length-prefixed). Name {@value #NAME}. Stateless,
 * thread-safe.
 */
public final class ListAppendOperator implements MergeOperator {
  public static final String NAME = "eddy.listappend";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte[] fullMerge(byte[] key, byte[] base, List<byte[]> operands) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (base != null) {
      out.writeBytes(base);
    }
    for (byte[] op : operands) {
      out.writeBytes(op);
    }
    return out.toByteArray();
  }

  /** The whole run in one copy (pairwise concatenation would copy O(n^2) bytes). */
  @Override
  public byte[] partialMergeMulti(byte[] key, List<byte[]> operands) {
    return fullMerge(key, null, operands);
  }

  @Override
  public byte[] partialMerge(byte[] key, byte[] older, byte[] newer) {
    byte[] out = new byte[older.length + newer.length];
    System.arraycopy(older, 0, out, 0, older.length);
    System.arraycopy(newer, 0, out, older.length, newer.length);
    return out;
  }
}
