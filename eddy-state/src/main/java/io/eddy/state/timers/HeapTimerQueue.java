package io.eddy.state.timers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * Timers on the heap: a sorted set by (timestamp, insertion order) for O(log n) add, remove and
 * poll, and a hash index for de-duplication. Timers with equal timestamps fire in the order they
 * were registered.
 */
public final class HeapTimerQueue<K, N> implements TimerQueue<K, N> {
  private final TreeSet<Entry<K, N>> ordered = new TreeSet<>();
  private final HashMap<Timer<K, N>, Entry<K, N>> index = new HashMap<>();
  private long sequence;

  @Override
  public boolean add(Timer<K, N> timer) {
    if (index.containsKey(timer)) {
      return false;
    }
    Entry<K, N> entry = new Entry<>(timer, sequence++);
    index.put(timer, entry);
    ordered.add(entry);
    return true;
  }

  @Override
  public boolean remove(Timer<K, N> timer) {
    Entry<K, N> entry = index.remove(timer);
    if (entry == null) {
      return false;
    }
    ordered.remove(entry);
    return true;
  }

  @Override
  public Timer<K, N> peek() {
    return ordered.isEmpty() ? null : ordered.first().timer;
  }

  @Override
  public Timer<K, N> poll() {
    Entry<K, N> first = ordered.pollFirst();
    if (first == null) {
      return null;
    }
    index.remove(first.timer);
    return first.timer;
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public List<Timer<K, N>> timersOfKeyGroup(int keyGroup) {
    List<Timer<K, N>> result = new ArrayList<>();
    for (Entry<K, N> e : ordered) {
      if (e.timer.keyGroup() == keyGroup) {
        result.add(e.timer);
      }
    }
    return result;
  }

  /** Every queued timer, in firing order (a copy). */
  public List<Timer<K, N>> snapshot() {
    List<Timer<K, N>> result = new ArrayList<>(index.size());
    for (Entry<K, N> e : ordered) {
      result.add(e.timer);
    }
    return result;
  }

  private record Entry<K, N>(Timer<K, N> timer, long sequence) implements Comparable<Entry<K, N>> {
    @Override
    public int compareTo(Entry<K, N> o) {
      int c = Long.compare(timer.timestamp(), o.timer.timestamp());
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
