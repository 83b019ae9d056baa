package io.eddy.state.timers;

import java.util.List;

/**
 * Timers ordered by time, without duplicates. Part of keyed state: a backend keeps them per key
 * group so they are snapshotted, restored and rescaled with the rest. Owned by one task thread.
 */
public interface TimerQueue<K, N> {
  /** Adds the timer unless an equal one is queued; returns true if it was added. */
  boolean add(Timer<K, N> timer);

  /** Removes the timer if queued; returns true if it was there. */
  boolean remove(Timer<K, N> timer);

  /** The earliest timer, or null. */
  Timer<K, N> peek();

  /** Removes and returns the earliest timer, or null. */
  Timer<K, N> poll();

  int size();

  /** The queued timers of one key group (for snapshots). */
  List<Timer<K, N>> timersOfKeyGroup(int keyGroup);
}
