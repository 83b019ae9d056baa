package io.eddy.lsm.manifest;

import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.ByteSource;
import io.eddy.lsm.util.Bytes;

/**
 * What a manifest records about one SST file. {@code path} is the file's full path on the
 * FileSystem, so a store opened from a checkpoint can reference files in another store's
 * directory. {@code smallest}/{@code largest} are user keys, inclusive. Immutable; the key
 * arrays must not be mutated.
 */
public record FileMeta(long number, String path, long size, byte[] smallest, byte[] largest, long minSequence, long maxSequence, long entries) {

  /** Appends the manifest / protocol encoding of this record. */
  public void encodeTo(ByteSink out) {
    out.putVarint(number).putString(path).putVarint(size);
    out.putLengthPrefixed(smallest).putLengthPrefixed(largest);
    out.putVarint(minSequence).putVarint(maxSequence).putVarint(entries);
  }

  /** Reads what {@link #encodeTo} wrote. */
  public static FileMeta decodeFrom(ByteSource in) {
    return new FileMeta(in.varint(), in.string(), in.varint(), in.lengthPrefixed(), in.lengthPrefixed(), in.varint(), in.varint(), in.varint());
  }

  public boolean contains(byte[] key) {
    return Bytes.compare(key, smallest) >= 0 && Bytes.compare(key, largest) <= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileMeta f && f.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return path + "[" + Bytes.hex(smallest) + ".." + Bytes.hex(largest) + ", " + size + "B, seq " + minSequence + ".." + maxSequence + "]";
  }
}
