package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupStreamFormat;
import io.eddy.state.timers.HeapTimerQueue;
import io.eddy.state.timers.Timer;
import io.eddy.state.timers.TimerQueue;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Timers kept in a column of the store, {@code [keyGroup:2][timestamp:8, sign flipped][key]
 * [namespace] -> empty}, so they are part of every checkpoint, with an in-memory mirror for
 * ordering (firing needs the minimum at every watermark). The mirror is loaded from the column on
 * the queue's first use, not when it is created: a restore then reads nothing of the state before
 * the first record or watermark needs timers.
 *
 * <p>The mirror is what the queue answers from; the column is only read when the mirror is loaded
 * and when a savepoint is written. So additions and removals are written to the column lazily, by
 * {@link #flush} (before every checkpoint and savepoint, and once {@link #MAX_UNFLUSHED} timers
 * changed): a timer that is registered and fires between two flushes, as most window timers do,
 * never costs a store write (profiles of q5 on rocksdb: a put and a delete per timer were a fifth
 * of the task thread's time).
 */
final class ByteTimerQueue<K, N> implements TimerQueue<K, N> {
  private static final byte[] EMPTY = new byte[0];
  /**
   * Changed timers held before a flush: bounds the memory they take beside the mirror (a map
   * entry each, some 50 MB at the bound). Window timers live for a window's length, so the bound
   * must span many of them: at 65,536, q5's timers mostly outlived a flush and were written anyway.
   */
  static final int MAX_UNFLUSHED = 1 << 20;

  private final KvColumn column;
  private final TypeSerializer<Object> keySerializer;
  private final TypeSerializer<N> namespaceSerializer;
  private final KeyGroupRange range;
  private final ByteBuilder keys = new ByteBuilder();
  /** The timers changed since the last flush, each with whether the column holds it. */
  private final Map<Timer<K, N>, Boolean> unflushed = new HashMap<>();
  private HeapTimerQueue<K, N> loaded;

  ByteTimerQueue(KvColumn column, TypeSerializer<Object> keySerializer, TypeSerializer<N> namespaceSerializer,
      KeyGroupRange range) {
    this.column = column;
    this.keySerializer = keySerializer;
    this.namespaceSerializer = namespaceSerializer;
    this.range = range;
  }

  /** The in-memory mirror, read from the column the first time. */
  private HeapTimerQueue<K, N> mirror() {
    if (loaded == null) {
      try {
        loaded = load();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot load timers from the state store: " + e, e);
      }
    }
    return loaded;
  }

  private HeapTimerQueue<K, N> load() throws IOException {
    HeapTimerQueue<K, N> mirror = new HeapTimerQueue<>();
    try (KvCursor cursor = column.scan(EMPTY)) {
      while (cursor.next()) {
        byte[] key = cursor.key();
        int keyGroup = ((key[0] & 0xff) << 8) | (key[1] & 0xff);
        if (range.contains(keyGroup)) {
          mirror.add(decode(key, keyGroup));
        }
      }
    }
    return mirror;
  }

  @SuppressWarnings("unchecked")
  private Timer<K, N> decode(byte[] key, int keyGroup) throws IOException {
    ByteReader in = new ByteReader(key, 2, key.length - 2);
    long timestamp = in.readLong() ^ Long.MIN_VALUE;
    K timerKey = (K) keySerializer.deserialize(in);
    N namespace = namespaceSerializer.deserialize(in);
    return new Timer<>(timestamp, timerKey, namespace, keyGroup);
  }

  /** Writes the stored timers of one key group in the canonical form of savepoints; returns how many. */
  int writeCanonical(int keyGroup, DataOutputStream out) throws IOException {
    flush();
    int count = 0;
    try (KvCursor cursor = column.scan(AbstractByteState.keyGroupPrefix(keyGroup))) {
      while (cursor.next()) {
        Timer<K, N> timer = decode(cursor.key(), keyGroup);
        KeyGroupStreamFormat.writeTimer(out, timer.timestamp(), timer.key(), timer.namespace());
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean add(Timer<K, N> timer) {
    if (!mirror().add(timer)) {
      return false;
    }
    changed(timer, false);
    return true;
  }

  @Override
  public boolean remove(Timer<K, N> timer) {
    if (!mirror().remove(timer)) {
      return false;
    }
    changed(timer, true);
    return true;
  }

  @Override
  public Timer<K, N> peek() {
    return mirror().peek();
  }

  @Override
  public Timer<K, N> poll() {
    Timer<K, N> timer = mirror().poll();
    if (timer != null) {
      changed(timer, true);
    }
    return timer;
  }

  @Override
  public int size() {
    return mirror().size();
  }

  @Override
  public List<Timer<K, N>> timersOfKeyGroup(int keyGroup) {
    return mirror().timersOfKeyGroup(keyGroup);
  }

  /**
   * Notes a timer just added or removed; {@code wasQueued} says whether it was queued before, and
   * so, on its first change since the last flush, whether the column holds it.
   */
  private void changed(Timer<K, N> timer, boolean wasQueued) {
    unflushed.putIfAbsent(timer, wasQueued);
    if (unflushed.size() >= MAX_UNFLUSHED) {
      flush();
    }
  }

  /** Writes the changes since the last flush to the column: it then holds exactly the queued timers. */
  void flush() {
    if (unflushed.isEmpty()) {
      return;
    }
    try {
      for (Map.Entry<Timer<K, N>, Boolean> change : unflushed.entrySet()) {
        boolean queued = loaded.contains(change.getKey());
        if (queued && !change.getValue()) {
          column.put(keyOf(change.getKey()), EMPTY);
        } else if (!queued && change.getValue()) {
          column.delete(keyOf(change.getKey()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store timers: " + e.getMessage(), e);
    }
    unflushed.clear();
  }

  private byte[] keyOf(Timer<K, N> timer) {
    keys.reset(0);
    keys.writeShort(timer.keyGroup());
    keys.writeLong(timer.timestamp() ^ Long.MIN_VALUE);
    try {
      keySerializer.serialize(timer.key(), keys.out());
      namespaceSerializer.serialize(timer.namespace(), keys.out());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize timer " + timer + ": " + e.getMessage(), e);
    }
    return keys.toArray();
  }
}
