package io.eddy.state;

/**
 * The state of one keyed backend at a checkpoint, taken on the task thread (cheap: a frozen
 * view, a flushed memtable) and completed afterwards, possibly on another thread. It comes in
 * two shapes: {@link KeyGroupStreamSnapshot} (the backend's data is streamed into the
 * checkpoint's state file, one key group at a time) and {@link FileHandleSnapshot} (the data
 * stays in files the backend manages; the state file stores only a small handle naming them).
 * {@link #release()} must be called once the snapshot is written or abandoned.
 */
public sealed interface KeyedStateSnapshot permits KeyGroupStreamSnapshot, FileHandleSnapshot {
  KeyGroupRange keyGroupRange();

  /** Lets the backend stop protecting what the snapshot needed (frozen entries, pinned files). */
  void release();
}
