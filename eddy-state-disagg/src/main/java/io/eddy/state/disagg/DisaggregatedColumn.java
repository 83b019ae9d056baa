package io.eddy.state.disagg;

import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One column of a {@link DisaggregatedKvStore}: each access finds the part of the key's key
 * group, inserts the column's id in that part after the key group ({@link ColumnKeys}) and goes
 * to the part's LSM tree. That is one small array per access; eddy-lsm copies what it keeps, so
 * the caller may reuse its arrays at once. {@link #append} is an eddy-lsm merge (a blind write,
 * folded by {@code eddy.listappend} on reads and in compaction).
 *
 * <p>Thread safety: reads ({@link #get}, {@link #multiGet}, {@link #scan}) are thread-safe; writes
 * must come from one thread at a time (the store's task thread).
 */
final class DisaggregatedColumn implements KvColumn {
  private final String name;
  private final PartRouter parts;
  private final int[] ids; // the column's id in each part
  private final boolean appendMerge;
  private final boolean ttl;
  private final boolean[] marked; // per part: its column table knows this column is written

  DisaggregatedColumn(String name, PartRouter parts, int[] ids, ColumnOptions options) {
    this.name = name;
    this.parts = parts;
    this.ids = ids;
    this.marked = new boolean[ids.length];
    this.appendMerge = options.appendMerge();
    this.ttl = options.ttlMillis() > 0;
  }

  @Override
  public byte[] get(byte[] key) throws IOException {
    int p = parts.indexOf(ColumnKeys.keyGroup(key));
    return parts.part(p).db().get(ColumnKeys.stored(key, ids[p]));
  }

  /** One eddy-lsm multi-get per part the keys fall in (usually one). */
  @Override
  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    if (parts.size() == 1) {
      List<byte[]> stored = new ArrayList<>(keys.size());
      for (byte[] key : keys) {
        stored.add(ColumnKeys.stored(key, ids[0]));
      }
      return parts.part(0).db().multiGet(stored);
    }
    List<byte[]> values = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      values.add(get(key));
    }
    return values;
  }

  /** What the memtables and caches of the keys' parts answer (eddy-lsm's cached-only lookups). */
  @Override
  public List<byte[]> multiGetCached(List<byte[]> keys, BitSet answered) throws IOException {
    if (parts.size() == 1) {
      List<byte[]> stored = new ArrayList<>(keys.size());
      for (byte[] key : keys) {
        stored.add(ColumnKeys.stored(key, ids[0]));
      }
      return parts.part(0).db().multiGetCached(stored, answered);
    }
    List<byte[]> values = new ArrayList<>(keys.size());
    BitSet one = new BitSet(1);
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = keys.get(i);
      int p = parts.indexOf(ColumnKeys.keyGroup(key));
      one.clear();
      values.add(parts.part(p).db().multiGetCached(List.of(ColumnKeys.stored(key, ids[p])), one).get(0));
      if (one.get(0)) {
        answered.set(i);
      }
    }
    return values;
  }

  /** The part of the key, which is about to hold an entry of this column (see {@link ColumnTable#markWritten}). */
  private int written(byte[] key) {
    int p = parts.indexOf(ColumnKeys.keyGroup(key));
    if (!marked[p]) {
      parts.part(p).markWritten(ids[p]);
      marked[p] = true;
    }
    return p;
  }

  /** Adds a put of this column to a write batch of the key's part. */
  void put(DisaggregatedWriteBatch batch, byte[] key, byte[] value) {
    int p = written(key);
    batch.of(p).put(ColumnKeys.stored(key, ids[p]), value);
    if (ttl) {
      parts.part(p).ttl().observe(value);
    }
  }

  void delete(DisaggregatedWriteBatch batch, byte[] key) {
    int p = parts.indexOf(ColumnKeys.keyGroup(key));
    batch.of(p).delete(ColumnKeys.stored(key, ids[p]));
  }

  void append(DisaggregatedWriteBatch batch, byte[] key, byte[] operand) {
    int p = written(key);
    batch.of(p).merge(ColumnKeys.stored(key, ids[p]), operand);
  }

  @Override
  public void put(byte[] key, byte[] value) throws IOException {
    int p = written(key);
    StorePart part = parts.part(p);
    part.db().put(ColumnKeys.stored(key, ids[p]), value);
    if (ttl) {
      part.ttl().observe(value); // the newest last-access time is the TTL clock of compaction
    }
  }

  @Override
  public void delete(byte[] key) throws IOException {
    int p = parts.indexOf(ColumnKeys.keyGroup(key));
    parts.part(p).db().delete(ColumnKeys.stored(key, ids[p]));
  }

  @Override
  public void append(byte[] key, byte[] operand) throws IOException {
    if (!appendMerge) {
      throw new IllegalStateException("column '" + name + "' was not opened with appendMerge");
    }
    int p = written(key);
    parts.part(p).db().merge(ColumnKeys.stored(key, ids[p]), operand);
  }

  @Override
  public KvCursor scan(byte[] prefix) throws IOException {
    return ColumnCursor.open(parts, ids, prefix);
  }

  @Override
  public String toString() {
    return "DisaggregatedColumn[" + name + "]";
  }
}
