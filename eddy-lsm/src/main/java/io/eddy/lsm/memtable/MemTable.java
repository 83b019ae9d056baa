package io.eddy.lsm.memtable;

import io.eddy.lsm.iter.InternalIterator;
import io.eddy.lsm.iter.Lookup;
import io.eddy.lsm.util.InternalKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory write buffer: recent writes, sorted, until it is flushed to an SST file.
 *
 * <p>Thread safety: {@link #add} must be serialised by the caller (the DB's write lock);
 * {@link #get} and iterators may run concurrently with it and with each other. Once the DB
 * makes a memtable immutable it is only read, then dropped after its flush is installed.
 */
public final class MemTable {
  /** Approximate per-entry overhead of the skip list (node, links, headers). */
  private static final int ENTRY_OVERHEAD = 64;

  private final SkipList list = new SkipList();
  private final long logNumber;
  private final AtomicLong bytes = new AtomicLong();
  private volatile long entries;
  private volatile long maxSequence;

  /** A memtable whose writes are logged in write-ahead log {@code logNumber} (-1: no log). */
  public MemTable(long logNumber) {
    this.logNumber = logNumber;
  }

  /** The write-ahead log holding this memtable's writes, or -1. */
  public long logNumber() {
    return logNumber;
  }

  /** REQUIRES: writers serialised; sequence numbers increasing. */
  public void add(long sequence, int type, byte[] key, byte[] value) {
    list.insert(key, InternalKey.trailer(sequence, type), value);
    bytes.addAndGet(key.length + (value == null ? 0 : value.length) + ENTRY_OVERHEAD);
    entries = entries + 1;
    maxSequence = sequence;
  }

  /** Approximate memory used, for the flush trigger. */
  public long approximateBytes() {
    return bytes.get();
  }

  public boolean isEmpty() {
    return entries == 0;
  }

  public long maxSequence() {
    return maxSequence;
  }

  /** Feeds the versions of {@code lookup}'s key visible at its snapshot, newest first. */
  public void get(Lookup lookup) {
    SkipList.Node n = list.seek(lookup.key(), lookup.seekTrailer());
    while (n != null && n.compareKey(lookup.key()) == 0) {
      if (lookup.offer(n.trailer(), n.kv, n.keyLength, n.kv.length - n.keyLength)) {
        return;
      }
      n = n.next();
    }
  }

  /** An iterator over every entry (all versions). */
  public InternalIterator iterator() {
    return new MemTableIterator(list);
  }
}
