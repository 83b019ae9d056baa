package io.eddy.lsm.iter;

import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.InternalKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The state of one point read as it visits the memtables and levels from newest to oldest:
 * it collects merge operands until it meets a value or a tombstone, then computes the
 * answer. Sources call {@link #offer} for each version they hold, newest first, and stop
 * when it returns true.
 *
 * <p>Thread safety: confined to the reading thread.
 */
public final class Lookup {
  private final byte[] key;
  private final long snapshot;
  private boolean done;
  private byte[] base;
  private List<byte[]> operands;

  public Lookup(byte[] key, long snapshot) {
    this.key = key;
    this.snapshot = snapshot;
  }

  public byte[] key() {
    return key;
  }

  /** The trailer to seek to: newest version visible at the snapshot. */
  public long seekTrailer() {
    return InternalKey.seekTrailer(snapshot);
  }

  public long snapshot() {
    return snapshot;
  }

  public boolean isDone() {
    return done;
  }

  /**
   * Takes one version (value at {@code buf[off, off+len)}). REQUIRES: versions offered in
   * descending sequence order, all at or below the snapshot. Returns true when the answer is
   * known and older versions are irrelevant.
   */
  public boolean offer(long trailer, byte[] buf, int off, int len) {
    if (InternalKey.sequence(trailer) > snapshot) {
      return false;
    }
    switch (InternalKey.type(trailer)) {
      case InternalKey.TYPE_PUT -> {
        base = Arrays.copyOfRange(buf, off, off + len);
        done = true;
      }
      case InternalKey.TYPE_DELETE -> done = true;
      case InternalKey.TYPE_MERGE -> {
        if (operands == null) {
          operands = new ArrayList<>(4);
        }
        operands.add(Arrays.copyOfRange(buf, off, off + len));
      }
      default -> throw new IllegalStateException("unknown entry type " + InternalKey.type(trailer));
    }
    return done;
  }

  /**
   * The value visible at the snapshot, or null if absent or deleted.
   *
   * @throws IllegalStateException if merge operands were found but no operator is configured
   */
  public byte[] result(MergeOperator merge) {
    if (operands == null) {
      return base;
    }
    if (merge == null) {
      throw new IllegalStateException("merge operands found for key " + Bytes.hex(key) + " but no merge operator is configured");
    }
    List<byte[]> oldestFirst = new ArrayList<>(operands);
    Collections.reverse(oldestFirst);
    return merge.fullMerge(key, base, oldestFirst);
  }
}
