package io.eddy.lsm.compaction;

import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.InternalKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides what survives of one user key's versions when they are rewritten (flush and
 * compaction). Versions are grouped into snapshot stripes: versions between two adjacent
 * snapshots are indistinguishable to every reader, so each stripe keeps only its newest
 * version, with merge operands folded into it where the base is known:
 * <ul>
 *   <li>a value or tombstone hides older versions of its stripe;
 *   <li>merge operands above a value/tombstone of the same stripe are fully merged into a
 *       value; at the bottom level operands with nothing below merge onto "absent";
 *       otherwise operands are combined with {@code partialMergeMulti} when possible;
 *   <li>at the bottom level a tombstone with nothing older is dropped;
 *   <li>the compaction filter sees only values no open snapshot can see (newer than the
 *       newest snapshot); a removed value becomes a tombstone (or vanishes at the bottom
 *       level if nothing is older).
 * </ul>
 *
 * <p>Thread safety: not thread-safe; one reducer per job.
 */
public final class KeyReducer {
  /** One version of a key. */
  public record Entry(long trailer, byte[] value) {}

  private final long[] snapshots;
  private final boolean bottommost;
  private final MergeOperator merge;
  private final CompactionFilter filter;

  /** REQUIRES: {@code snapshots} sorted ascending. */
  public KeyReducer(long[] snapshots, boolean bottommost, MergeOperator merge, CompactionFilter filter) {
    this.snapshots = snapshots;
    this.bottommost = bottommost;
    this.merge = merge;
    this.filter = filter;
  }

  private int stripe(long trailer) {
    long seq = InternalKey.sequence(trailer);
    int lo = 0;
    int hi = snapshots.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (snapshots[mid] < seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean invisibleToSnapshots(long trailer) {
    return snapshots.length == 0 || InternalKey.sequence(trailer) > snapshots[snapshots.length - 1];
  }

  /**
   * Reduces {@code versions} (newest first) of {@code key} into {@code out} (newest
   * first). REQUIRES: versions sorted by trailer descending.
   */
  public void reduce(byte[] key, List<Entry> versions, List<Entry> out) {
    int n = versions.size();
    int i = 0;
    while (i < n) {
      Entry e = versions.get(i);
      int stripe = stripe(e.trailer());
      int end = i + 1;
      while (end < n && stripe(versions.get(end).trailer()) == stripe) {
        end++;
      }
      boolean last = end == n;
      int type = InternalKey.type(e.trailer());
      if (type == InternalKey.TYPE_MERGE) {
        int j = i;
        while (j < end && InternalKey.type(versions.get(j).trailer()) == InternalKey.TYPE_MERGE) {
          j++;
        }
        if (j < end || (last && bottommost)) {
          byte[] base = j < end && InternalKey.type(versions.get(j).trailer()) == InternalKey.TYPE_PUT ? versions.get(j).value() : null;
          byte[] merged = requireMerge(key).fullMerge(key, base, operandsOldestFirst(versions, i, j));
          emitValue(key, new Entry(InternalKey.trailer(InternalKey.sequence(e.trailer()), InternalKey.TYPE_PUT), merged), last, out);
        } else {
          emitOperands(key, versions, i, j, out);
        }
      } else if (type == InternalKey.TYPE_PUT) {
        emitValue(key, e, last, out);
      } else if (!(bottommost && last)) {
        out.add(e);
      }
      i = end;
    }
  }

  private void emitValue(byte[] key, Entry e, boolean last, List<Entry> out) {
    if (filter != null && invisibleToSnapshots(e.trailer()) && filter.remove(key, e.value())) {
      if (!(bottommost && last)) {
        out.add(new Entry(InternalKey.trailer(InternalKey.sequence(e.trailer()), InternalKey.TYPE_DELETE), new byte[0]));
      }
      return;
    }
    out.add(e);
  }

  private void emitOperands(byte[] key, List<Entry> versions, int from, int to, List<Entry> out) {
    if (merge == null || to - from == 1) {
      for (int k = from; k < to; k++) {
        out.add(versions.get(k));
      }
      return;
    }
    byte[] combined = merge.partialMergeMulti(key, operandsOldestFirst(versions, from, to));
    if (combined == null) {
      for (int m = from; m < to; m++) {
        out.add(versions.get(m));
      }
      return;
    }
    out.add(new Entry(versions.get(from).trailer(), combined));
  }

  private MergeOperator requireMerge(byte[] key) {
    if (merge == null) {
      throw new IllegalStateException("merge operands for key " + Bytes.hex(key) + " but no merge operator configured");
    }
    return merge;
  }

  private static List<byte[]> operandsOldestFirst(List<Entry> versions, int from, int to) {
    List<byte[]> ops = new ArrayList<>(to - from);
    for (int k = from; k < to; k++) {
      ops.add(versions.get(k).value());
    }
    Collections.reverse(ops);
    return ops;
  }
}
