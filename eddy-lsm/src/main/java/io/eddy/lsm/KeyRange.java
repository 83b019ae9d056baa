package io.eddy.lsm;

import io.eddy.lsm.util.Bytes;
import java.util.Arrays;

/**
 * A range of user keys: {@code start} inclusive, {@code end} exclusive; null means
 * unbounded on that side. Used for range reads, range deletes, counts and for opening a
 * checkpoint restricted to some key groups. Immutable; the arrays must not be mutated.
 */
public record KeyRange(byte[] start, byte[] end) {
  /** Every key. */
  public static final KeyRange ALL = new KeyRange(null, null);

  public KeyRange {
    if (start != null && end != null && Bytes.compare(start, end) > 0) {
      throw new IllegalArgumentException("range start after end: " + Bytes.hex(start) + " > " + Bytes.hex(end));
    }
  }

  /** All keys starting with {@code prefix}. */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(prefix, Bytes.prefixSuccessor(prefix));
  }

  public boolean isAll() {
    return start == null && end == null;
  }

  public boolean contains(byte[] key) {
    return (start == null || Bytes.compare(key, start) >= 0) && (end == null || Bytes.compare(key, end) < 0);
  }

  /** Whether some key in [smallest, largest] (inclusive) lies in this range. */
  public boolean overlaps(byte[] smallest, byte[] largest) {
    return (start == null || Bytes.compare(largest, start) >= 0) && (end == null || Bytes.compare(smallest, end) < 0);
  }

  /** The intersection of two ranges. */
  public KeyRange intersect(KeyRange o) {
    byte[] s = start == null ? o.start : o.start == null ? start : Bytes.compare(start, o.start) >= 0 ? start : o.start;
    byte[] e = end == null ? o.end : o.end == null ? end : Bytes.compare(end, o.end) <= 0 ? end : o.end;
    if (s != null && e != null && Bytes.compare(s, e) > 0) {
      e = s;
    }
    return new KeyRange(s, e);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRange r && Arrays.equals(start, r.start) && Arrays.equals(end, r.end);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(start) + Arrays.hashCode(end);
  }

  @Override
  public String toString() {
    return "[" + (start == null ? "-inf" : Bytes.hex(start)) + ", " + (end == null ? "+inf" : Bytes.hex(end)) + ")";
  }
}
