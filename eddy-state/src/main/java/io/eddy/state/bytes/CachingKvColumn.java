package io.eddy.state.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * A state column with the bytes of its most recently used keys in front of the store, written
 * back: reads of a cached key cost a hash lookup instead of a store read, and writes change the
 * cache only, reaching the store when the key is evicted or the column is flushed. On RocksDB
 * every read and write is a JNI crossing and a memtable skiplist walk, which profiles of the
 * stateful Nexmark queries showed to be most of the task thread's time; a window's accumulator
 * updated per element, or a list appended to per element and cleared when the window fires, now
 * reaches the store once per eviction or checkpoint, or never.
 *
 * <p>Each entry knows the column's current value of its key, or, after blind appends to a key it
 * has not read ({@link #append} reads nothing), the operands not yet appended in the store; and
 * what of it the store already holds, so that a flush writes a put, a delete, or only the appended
 * suffix (an append of it), or nothing. Dirty entries are written to the store in one write batch
 * of the store ({@code batches}) per eviction round, and all of them by {@link #flush}, which the
 * backend calls before every snapshot, and which {@link #scan} calls first, so that scans,
 * snapshots and savepoints read the store with every write in it.
 *
 * <p>The read threads of an asynchronous state executor read the store ({@link #multiGet}),
 * never the cache: REQUIRES that the executor asked {@link #multiGetCached} on the task thread
 * first, which answers every key the cache knows and writes out the pending appends of the keys
 * it does not, so that no key read on a read thread has an unwritten change here (per-key order
 * keeps the key from being written until its read is back).
 *
 * <p>Bounded: at most {@code maxEntries} keys and about {@code maxBytes} bytes (keys, values and
 * a per-entry overhead), least recently used first out, several per round; a value over {@link
 * #MAX_VALUE_BYTES} is written through and not kept. Arrays are copied in and out, as {@link
 * KvColumn} requires. Task thread only, except {@link #multiGet}.
 */
final class CachingKvColumn implements KvColumn {
  static final int MAX_ENTRIES = 65_536;
  static final long MAX_BYTES = 8L << 20;
  static final int MAX_VALUE_BYTES = 64 << 10;
  /** What an entry costs beyond its key and value bytes (the entry, its key wrapper, the map node). */
  static final int ENTRY_OVERHEAD = 128;
  private static final byte[] NONE = new byte[0];
  /** {@link Entry#stored} when the store needs the entry's whole value (a put or a delete). */
  private static final int REWRITE = -1;

  private final KvColumn store;
  private final Supplier<KvWriteBatch> batches;
  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  /** Entries that became dirty since the last {@link #flush} (some may be clean or evicted since). */
  private final List<Entry> dirty = new ArrayList<>();
  private long bytes;

  CachingKvColumn(KvColumn store, Supplier<KvWriteBatch> batches) {
    this(store, batches, MAX_ENTRIES, MAX_BYTES);
  }

  CachingKvColumn(KvColumn store, Supplier<KvWriteBatch> batches, int maxEntries, long maxBytes) {
    this.store = store;
    this.batches = batches;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** One cached key. */
  private static final class Entry {
    final Key key;
    /** The value ({@link #known}; absent if {@link #absent}), or the operands to append to the stored value. */
    byte[] buf = NONE;
    int length;
    boolean known;
    boolean absent;
    /** ({@link #known}) The store holds {@code buf[0, stored)} (nothing if {@link #storeAbsent}), or {@link #REWRITE}. */
    int stored;
    boolean storeAbsent;
    /** In {@link #dirty}. */
    boolean listed;
    /** No longer in the cache (evicted or dropped). */
    boolean gone;

    Entry(Key key) {
      this.key = key;
    }

    boolean isDirty() {
      return !known || stored != length || absent != storeAbsent; // (an unknown entry exists only appended to)
    }

    long size() {
      return ENTRY_OVERHEAD + key.bytes.length + buf.length;
    }

    byte[] value() {
      return absent ? null : Arrays.copyOf(buf, length);
    }

    void add(byte[] operand) {
      if (length + operand.length > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(length + operand.length, Math.min(buf.length * 2, MAX_VALUE_BYTES)));
      }
      System.arraycopy(operand, 0, buf, length, operand.length);
      length += operand.length;
    }

    /** Adds the entry's pending write to {@code batch}; the entry is then clean (REQUIRES {@link #known}). */
    void writeTo(KvWriteBatch batch, KvColumn column) throws IOException {
      if (absent) {
        batch.delete(column, key.bytes);
      } else if (stored >= 0 && stored < length) {
        batch.append(column, key.bytes, Arrays.copyOfRange(buf, stored, length));
      } else {
        batch.put(column, key.bytes, Arrays.copyOf(buf, length));
      }
      stored = length;
      storeAbsent = absent;
    }
  }

  @Override
  public byte[] get(byte[] key) throws IOException {
    Entry e = entries.get(new Key(key));
    if (e == null) {
      byte[] value = store.get(key);
      if (value == null || value.length <= MAX_VALUE_BYTES) {
        e = insert(key.clone());
        known(e, value == null ? null : value.clone());
        evictIfFull();
      }
      return value;
    }
    if (!e.known) {
      byte[] base = store.get(key);
      long before = e.size();
      if (base != null) {
        byte[] value = Arrays.copyOf(base, base.length + e.length);
        System.arraycopy(e.buf, 0, value, base.length, e.length);
        e.buf = value;
        e.length = value.length;
      }
      e.known = true;
      e.absent = false;
      e.stored = base == null ? 0 : base.length;
      e.storeAbsent = base == null;
      bytes += e.size() - before;
      byte[] value = e.value();
      evictIfFull();
      return value;
    }
    return e.value();
  }

  /** Makes {@code e} a clean entry holding {@code value} (null: absent), which the store holds. */
  private void known(Entry e, byte[] value) {
    long before = e.size();
    e.known = true;
    e.absent = value == null;
    e.buf = value == null ? NONE : value;
    e.length = e.buf.length;
    e.stored = e.length;
    e.storeAbsent = e.absent;
    bytes += e.size() - before;
  }

  /** Reads the store only: see the class comment for what the caller must have done first. */
  @Override
  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    return store.multiGet(keys);
  }

  /**
   * Answers every key the cache knows; writes out the pending appends of those it holds but does
   * not know (so that the store alone answers them), and asks the store for the rest.
   */
  @Override
  public List<byte[]> multiGetCached(List<byte[]> keys, BitSet answered) throws IOException {
    List<byte[]> values = new ArrayList<>(keys.size());
    List<byte[]> missed = null;
    int[] missedAt = null;
    int misses = 0;
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = keys.get(i);
      Entry e = entries.get(new Key(key));
      if (e != null && e.known) {
        values.add(e.value());
        answered.set(i);
        continue;
      }
      if (e != null) {
        store.append(key, Arrays.copyOf(e.buf, e.length));
        remove(e);
      }
      values.add(null);
      if (missed == null) {
        missed = new ArrayList<>();
        missedAt = new int[keys.size()];
      }
      missed.add(key);
      missedAt[misses++] = i;
    }
    if (missed != null) {
      BitSet storeAnswered = new BitSet(misses);
      List<byte[]> fromStore = store.multiGetCached(missed, storeAnswered);
      for (int m = storeAnswered.nextSetBit(0); m >= 0; m = storeAnswered.nextSetBit(m + 1)) {
        values.set(missedAt[m], fromStore.get(m));
        answered.set(missedAt[m]);
      }
    }
    return values;
  }

  @Override
  public void put(byte[] key, byte[] value) throws IOException {
    if (value.length > MAX_VALUE_BYTES) {
      drop(key);
      store.put(key, value);
      return;
    }
    Entry e = entry(key);
    long before = e.size();
    e.known = true;
    e.absent = false;
    e.buf = value.clone();
    e.length = value.length;
    e.stored = REWRITE;
    changed(e, before);
  }

  @Override
  public void delete(byte[] key) throws IOException {
    Entry e = entry(key);
    long before = e.size();
    boolean storeAbsent = e.known && e.stored == 0 && e.storeAbsent;
    e.known = true;
    e.absent = true;
    e.buf = NONE;
    e.length = 0;
    e.stored = storeAbsent ? 0 : REWRITE;
    e.storeAbsent = storeAbsent;
    changed(e, before);
  }

  @Override
  public void append(byte[] key, byte[] operand) throws IOException {
    Entry e = entry(key);
    long before = e.size();
    if (e.known && e.absent) {
      e.absent = false; // appending to nothing: the value is the operand
    }
    e.add(operand);
    bytes += e.size() - before;
    if (e.length > MAX_VALUE_BYTES) {
      KvWriteBatch batch = batches.get();
      write(e, batch);
      remove(e);
      batch.commit();
      return;
    }
    listDirty(e);
    evictIfFull();
  }

  /** Flushes this column's changes first, so that the store's view is the column's. */
  @Override
  public KvCursor scan(byte[] prefix) throws IOException {
    flush();
    return store.scan(prefix);
  }

  /** Writes every change the store does not have yet (one write batch). */
  void flush() throws IOException {
    if (dirty.isEmpty()) {
      return;
    }
    // one change (a scan per record after a write, as map iteration does) is written without a batch
    KvWriteBatch batch = dirty.size() == 1 ? KvWriteBatch.immediate() : batches.get();
    for (Entry e : dirty) {
      e.listed = false;
      if (!e.gone && e.isDirty()) {
        write(e, batch);
        if (!e.known) {
          remove(e); // it held only appends, which the store now has: it knows nothing
        }
      }
    }
    dirty.clear();
    batch.commit();
  }

  /**
   * Adds {@code e}'s pending write to {@code batch}; an entry of pending appends keeps its size
   * until removed, which the caller then does.
   */
  private void write(Entry e, KvWriteBatch batch) throws IOException {
    if (e.known) {
      e.writeTo(batch, store);
    } else {
      batch.append(store, e.key.bytes, Arrays.copyOf(e.buf, e.length));
    }
  }

  private Entry entry(byte[] key) {
    Entry e = entries.get(new Key(key));
    return e != null ? e : insert(key.clone());
  }

  private Entry insert(byte[] ownKey) {
    Entry e = new Entry(new Key(ownKey));
    entries.put(e.key, e);
    bytes += e.size();
    return e;
  }

  private void changed(Entry e, long sizeBefore) throws IOException {
    bytes += e.size() - sizeBefore;
    listDirty(e);
    evictIfFull();
  }

  private void listDirty(Entry e) {
    if (!e.listed) {
      e.listed = true;
      dirty.add(e);
      if (dirty.size() > 2 * maxEntries) {
        dirty.removeIf(d -> !(d.listed = d.isDirty() && !d.gone));
      }
    }
  }

  /** Forgets {@code key} (no change of it is pending after a write that replaces it). */
  private void drop(byte[] key) {
    Entry e = entries.get(new Key(key));
    if (e != null) {
      remove(e);
    }
  }

  private void remove(Entry e) {
    entries.remove(e.key);
    bytes -= e.size();
    e.gone = true;
  }

  /** Over a bound: evicts least recently used entries down to 7/8 of it, writing their changes in one batch. */
  private void evictIfFull() throws IOException {
    if (entries.size() <= maxEntries && bytes <= maxBytes) {
      return;
    }
    int entryTarget = maxEntries - maxEntries / 8;
    long byteTarget = maxBytes - maxBytes / 8;
    KvWriteBatch batch = null;
    Iterator<Entry> eldest = entries.values().iterator();
    while (eldest.hasNext() && (entries.size() > entryTarget || bytes > byteTarget)) {
      Entry e = eldest.next();
      if (e.isDirty()) {
        if (batch == null) {
          batch = batches.get();
        }
        write(e, batch);
      }
      eldest.remove();
      bytes -= e.size();
      e.gone = true;
    }
    if (batch != null) {
      batch.commit();
    }
  }

  /** A key's bytes compared by content. */
  private static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
