package io.eddy.lsm.iter;

import io.eddy.lsm.DbIterator;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.InternalKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Turns the merged internal stream (all versions of every key) into the user's view at one
 * sequence number: the newest visible version of each key, tombstones skipped, merge
 * operands folded onto their base, bounded by [lower, upper).
 *
 * <p>Thread safety: one thread at a time. Closing releases the pinned read state.
 */
public final class UserIterator implements DbIterator {
  private final InternalIterator in;
  private final long sequence;
  private final MergeOperator merge;
  private final byte[] lower;
  private final byte[] upper;
  private final Runnable onClose;
  private byte[] key;
  private byte[] value;
  private boolean closed;

  /** {@code lower} inclusive and {@code upper} exclusive may be null (unbounded). */
  public UserIterator(InternalIterator in, long sequence, MergeOperator merge, byte[] lower, byte[] upper, Runnable onClose) {
    this.in = in;
    this.sequence = sequence;
    this.merge = merge;
    this.lower = lower;
    this.upper = upper;
    this.onClose = onClose;
  }

  @Override
  public boolean valid() {
    return key != null;
  }

  @Override
  public void seekToFirst() throws IOException {
    seek(lower);
  }

  @Override
  public void seek(byte[] target) throws IOException {
    byte[] t = target;
    if (lower != null && (t == null || Bytes.compare(t, lower) < 0)) {
      t = lower;
    }
    if (t == null) {
      in.seekToFirst();
    } else {
      in.seek(t, InternalKey.seekTrailer(sequence));
    }
    findNext();
  }

  @Override
  public void next() throws IOException {
    findNext();
  }

  private void skipRestOf(byte[] k) throws IOException {
    while (in.valid() && Arrays.equals(in.key(), k)) {
      in.next();
    }
  }

  private void findNext() throws IOException {
    key = null;
    value = null;
    while (in.valid()) {
      byte[] k = in.key();
      if (upper != null && Bytes.compare(k, upper) >= 0) {
        return;
      }
      long trailer = in.trailer();
      if (InternalKey.sequence(trailer) > sequence) {
        in.next();
        continue;
      }
      switch (InternalKey.type(trailer)) {
        case InternalKey.TYPE_PUT -> {
          key = k;
          value = in.value();
          skipRestOf(k);
          return;
        }
        case InternalKey.TYPE_DELETE -> skipRestOf(k);
        case InternalKey.TYPE_MERGE -> {
          key = k;
          value = mergeFrom(k);
          return;
        }
        default -> throw new IllegalStateException("unknown entry type " + InternalKey.type(trailer));
      }
    }
  }

  private byte[] mergeFrom(byte[] k) throws IOException {
    if (merge == null) {
      throw new IllegalStateException("merge operands for key " + Bytes.hex(k) + " but no merge operator configured");
    }
    List<byte[]> operands = new ArrayList<>();
    byte[] base = null;
    while (in.valid() && Arrays.equals(in.key(), k)) {
      int type = InternalKey.type(in.trailer());
      if (type != InternalKey.TYPE_MERGE) {
        base = type == InternalKey.TYPE_PUT ? in.value() : null;
        break;
      }
      operands.add(in.value());
      in.next();
    }
    skipRestOf(k);
    Collections.reverse(operands);
    return merge.fullMerge(k, base, operands);
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      in.close();
      onClose.run();
    }
  }
}
