package io.eddy.state.timers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * Timers on the heap: a binary min-heap by (timestamp, insertion order), as Flink's
 * HeapPriorityQueue, for O(log n) add, remove and poll over an array (a sorted tree set cost a
 * node per timer and a pointer chase per level), and a hash index for de-duplication and removal
 * (each entry knows its slot). Timers with equal timestamps fire in the order they were registered.
 */
public final class HeapTimerQueue<K, N> implements TimerQueue<K, N> {
  private static final Comparator<Entry<?, ?>> FIRING_ORDER = Entry::compareTo;

  private final HashMap<Timer<K, N>, Entry<K, N>> index = new HashMap<>();
  @SuppressWarnings("unchecked")
  private Entry<K, N>[] heap = new Entry[16];
  private int size;
  private long sequence;

  @Override
  public boolean add(Timer<K, N> timer) {
    if (index.containsKey(timer)) {
      return false;
    }
    Entry<K, N> entry = new Entry<>(timer, sequence++);
    index.put(timer, entry);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    place(entry, size++);
    siftUp(entry.slot);
    return true;
  }

  /** Whether the timer is queued. */
  public boolean contains(Timer<K, N> timer) {
    return index.containsKey(timer);
  }

  @Override
  public boolean remove(Timer<K, N> timer) {
    Entry<K, N> entry = index.remove(timer);
    if (entry == null) {
      return false;
    }
    removeAt(entry.slot);
    return true;
  }

  @Override
  public Timer<K, N> peek() {
    return size == 0 ? null : heap[0].timer;
  }

  @Override
  public Timer<K, N> poll() {
    if (size == 0) {
      return null;
    }
    Entry<K, N> first = heap[0];
    removeAt(0);
    index.remove(first.timer);
    return first.timer;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public List<Timer<K, N>> timersOfKeyGroup(int keyGroup) {
    List<Entry<K, N>> entries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (heap[i].timer.keyGroup() == keyGroup) {
        entries.add(heap[i]);
      }
    }
    return inFiringOrder(entries);
  }

  /** Every queued timer, in firing order (a copy). */
  public List<Timer<K, N>> snapshot() {
    return inFiringOrder(Arrays.asList(heap).subList(0, size));
  }

  private List<Timer<K, N>> inFiringOrder(List<Entry<K, N>> entries) {
    List<Entry<K, N>> sorted = new ArrayList<>(entries);
    sorted.sort(FIRING_ORDER);
    List<Timer<K, N>> result = new ArrayList<>(sorted.size());
    for (Entry<K, N> e : sorted) {
      result.add(e.timer);
    }
    return result;
  }

  private void removeAt(int slot) {
    Entry<K, N> last = heap[--size];
    heap[size] = null;
    if (slot == size) {
      return;
    }
    place(last, slot);
    siftDown(slot);
    if (heap[slot] == last) {
      siftUp(slot);
    }
  }

  private void siftUp(int slot) {
    Entry<K, N> entry = heap[slot];
    while (slot > 0) {
      int parent = (slot - 1) >>> 1;
      if (heap[parent].compareTo(entry) <= 0) {
        break;
      }
      place(heap[parent], slot);
      slot = parent;
    }
    place(entry, slot);
  }

  private void siftDown(int slot) {
    Entry<K, N> entry = heap[slot];
    int half = size >>> 1;
    while (slot < half) {
      int child = 2 * slot + 1;
      int right = child + 1;
      if (right < size && heap[right].compareTo(heap[child]) < 0) {
        child = right;
      }
      if (entry.compareTo(heap[child]) <= 0) {
        break;
      }
      place(heap[child], slot);
      slot = child;
    }
    place(entry, slot);
  }

  private void place(Entry<K, N> entry, int slot) {
    heap[slot] = entry;
    entry.slot = slot;
  }

  /** A queued timer, its place in registration order and its slot in the heap array. */
  private static final class Entry<K, N> implements Comparable<Entry<?, ?>> {
    final Timer<K, N> timer;
    final long sequence;
    int slot;

    Entry(Timer<K, N> timer, long sequence) {
      this.timer = timer;
      this.sequence = sequence;
    }

    @Override
    public int compareTo(Entry<?, ?> o) {
      int c = Long.compare(timer.timestamp(), o.timer.timestamp());
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
