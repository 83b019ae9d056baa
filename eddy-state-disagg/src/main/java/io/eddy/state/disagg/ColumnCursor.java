package io.eddy.state.disagg;

import io.eddy.lsm.DbIterator;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.ReadOptions;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A prefix scan of one column over the parts of a store, in ascending column-key order.
 *
 * <p>A prefix of two bytes or more fixes the key group, so the scan is one bounded iterator over
 * {@code [keyGroup][columnId][rest of prefix]} in one part. A shorter prefix (all keys, or one
 * high byte of the key group) spans key groups, and in the stored layout other columns sit
 * between the key groups: each part is walked with one iterator that seeks to {@code
 * [keyGroup][columnId]} and, on meeting another column, jumps to this column in the same or the
 * next key group. So the cost follows the key groups that hold data, not the other columns. A part
 * in which the column was never written is not read at all ({@link ColumnTable}).
 *
 * <p>Every iterator is created when the scan starts, so the cursor sees the store as of that
 * moment (eddy-lsm iterators are consistent views); later writes neither show nor disturb it.
 * Not thread-safe.
 */
final class ColumnCursor implements KvCursor {
  /** One part's share of the scan: an iterator bounded to its key range and where to start. */
  private static final class Segment {
    final DbIterator iterator;
    final int columnId;
    final byte[] start;
    boolean started;

    Segment(DbIterator iterator, int columnId, byte[] start) {
      this.iterator = iterator;
      this.columnId = columnId;
      this.start = start;
    }
  }

  private final List<Segment> segments;
  private int current;
  private byte[] key;
  private byte[] value;

  private ColumnCursor(List<Segment> segments) {
    this.segments = segments;
  }

  /** A cursor over the entries of the column (ids per part) whose column key starts with {@code prefix}. */
  static ColumnCursor open(PartRouter parts, int[] ids, byte[] prefix) throws IOException {
    List<Segment> segments = new ArrayList<>();
    try {
      if (prefix.length >= 2) {
        int keyGroup = ColumnKeys.keyGroup(prefix);
        int p = parts.indexOf(keyGroup);
        byte[] start = ColumnKeys.stored(prefix, ids[p]);
        if (!parts.part(p).written(ids[p])) {
          return new ColumnCursor(segments);
        }
        segments.add(new Segment(parts.part(p).db().iterator(ReadOptions.prefix(start)), ids[p], start));
      } else {
        KeyGroupRange span = prefix.length == 0
            ? KeyGroupRange.of(0, ColumnKeys.MAX_KEY_GROUP)
            : KeyGroupRange.of((prefix[0] & 0xff) << 8, ((prefix[0] & 0xff) << 8) | 0xff);
        for (int p = 0; p < parts.size(); p++) {
          KeyGroupRange r = parts.part(p).keyGroups().intersection(span);
          if (r.size() > 0 && parts.part(p).written(ids[p])) {
            KeyRange bounds = ColumnKeys.keyRange(r);
            DbIterator it = parts.part(p).db().iterator(ReadOptions.range(bounds));
            segments.add(new Segment(it, ids[p], ColumnKeys.groupStart(r.startKeyGroup(), ids[p])));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      segments.forEach(s -> s.iterator.close());
      throw e;
    }
    return new ColumnCursor(segments);
  }

  @Override
  public boolean next() throws IOException {
    while (current < segments.size()) {
      if (advance(segments.get(current))) {
        return true;
      }
      current++;
    }
    key = null;
    value = null;
    return false;
  }

  /** Moves the segment to its next entry of the column; false when it has no more. */
  private boolean advance(Segment s) throws IOException {
    DbIterator it = s.iterator;
    if (s.started) {
      it.next();
    } else {
      it.seek(s.start);
      s.started = true;
    }
    while (it.valid()) {
      byte[] stored = it.key();
      int column = ColumnKeys.columnId(stored);
      if (column == s.columnId) {
        key = ColumnKeys.columnKey(stored);
        value = it.value();
        return true;
      }
      int keyGroup = ColumnKeys.keyGroup(stored);
      if (column < s.columnId) {
        it.seek(ColumnKeys.groupStart(keyGroup, s.columnId));
      } else if (keyGroup < ColumnKeys.MAX_KEY_GROUP) {
        it.seek(ColumnKeys.groupStart(keyGroup + 1, s.columnId));
      } else {
        return false;
      }
    }
    return false;
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
    segments.forEach(s -> s.iterator.close());
  }
}
