package io.eddy.cep.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One keyed state's entries of the current key seen through the operator's {@link
 * KeyedStateCache}: a read loads the entry (or its absence) once; writes and removals stay in
 * the cache, marked dirty, until the entry is evicted (least recently used, beyond the slots)
 * or the cache is flushed. The cache holds values in their working form {@code W} (mutable
 * shared-buffer entries, say) and writes them back converted to the stored form {@code S}, so
 * the backend never holds an object the operator still changes.
 *
 * <p>A caller that changes a value it read must {@link #put} it again (a write is what marks it
 * dirty), with no other access to this state in between that could evict it.
 */
public final class CachedState<K, W, S> {
  /** The entry key of a value state's one entry. */
  public static final Boolean VALUE = Boolean.TRUE;

  /** The current key's entries in the backend. */
  interface Backing<K, S> {
    S get(K entry) throws Exception;

    void put(K entry, S value) throws Exception;

    void remove(K entry) throws Exception;

    /** Removes every entry of the current key. */
    void clear() throws Exception;
  }

  @FunctionalInterface
  interface Write {
    void run() throws Exception;
  }

  private record Slot(Object key, Object entry) {}

  /**
   * A cached value (null: the entry is absent), whether the backend has yet to see it, and
   * whether the backend may hold the entry (if not, a removal need not be written).
   */
  private static final class Cached<W> {
    W value;
    boolean dirty;
    boolean stored;

    Cached(W value, boolean dirty, boolean stored) {
      this.value = value;
      this.dirty = dirty;
      this.stored = stored;
    }
  }

  private final KeyedStateCache cache;
  private final Backing<K, S> backing;
  private final int slots;
  private final Function<S, W> toWorking;
  private final Function<W, S> toStored;
  /** In access order: the first entry is the least recently used. */
  private final LinkedHashMap<Slot, Cached<W>> entries = new LinkedHashMap<>(16, 0.75f, true);

  CachedState(KeyedStateCache cache, Backing<K, S> backing, int slots, Function<S, W> toWorking, Function<W, S> toStored) {
    this.cache = cache;
    this.backing = backing;
    this.slots = slots;
    this.toWorking = toWorking;
    this.toStored = toStored;
  }

  /** The current key's value of {@code entry}, null if it has none. */
  public W get(K entry) throws Exception {
    Slot slot = new Slot(cache.currentKey(), entry);
    Cached<W> cached = entries.get(slot);
    if (cached == null) {
      S value = backing.get(entry);
      cached = new Cached<>(value == null ? null : toWorking.apply(value), false, value != null);
      insert(slot, cached);
    }
    return cached.value;
  }

  public void put(K entry, W value) throws Exception {
    set(entry, Objects.requireNonNull(value), true);
  }

  /**
   * Puts an entry the current key does not have (a new event id): if it is removed before it is
   * written back, the backend never sees it.
   */
  public void putNew(K entry, W value) throws Exception {
    set(entry, Objects.requireNonNull(value), false);
  }

  public void remove(K entry) throws Exception {
    set(entry, null, true);
  }

  /** Removes every entry of the current key, cached and stored. */
  public void clear() throws Exception {
    Object key = cache.currentKey();
    entries.keySet().removeIf(slot -> Objects.equals(slot.key(), key));
    backing.clear();
  }

  private void set(K entry, W value, boolean mayBeStored) throws Exception {
    Slot slot = new Slot(cache.currentKey(), entry);
    Cached<W> cached = entries.get(slot);
    if (cached == null) {
      insert(slot, new Cached<>(value, true, mayBeStored));
    } else {
      cached.value = value;
      cached.dirty = true;
    }
  }

  private void insert(Slot slot, Cached<W> cached) throws Exception {
    entries.put(slot, cached);
    if (cache.acrossRecords() && entries.size() > slots) {
      Iterator<Map.Entry<Slot, Cached<W>>> eldest = entries.entrySet().iterator();
      Map.Entry<Slot, Cached<W>> evicted = eldest.next();
      eldest.remove();
      writeBack(evicted.getKey(), evicted.getValue());
    }
  }

  @SuppressWarnings("unchecked")
  private void writeBack(Slot slot, Cached<W> cached) throws Exception {
    if (!cached.dirty) {
      return;
    }
    cached.dirty = false;
    K entry = (K) slot.entry();
    W value = cached.value;
    if (value == null && !cached.stored) {
      return;
    }
    cached.stored = value != null;
    cache.writeAs(slot.key(), () -> {
      if (value == null) {
        backing.remove(entry);
      } else {
        backing.put(entry, toStored.apply(value));
      }
    });
  }

  /** Writes the dirty entries back; they stay cached, clean. */
  void flush() throws Exception {
    for (Map.Entry<Slot, Cached<W>> e : entries.entrySet()) {
      writeBack(e.getKey(), e.getValue());
    }
  }

  void discard() {
    entries.clear();
  }
}
