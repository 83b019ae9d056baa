package io.eddy.runtime.asyncprocessing;

/**
 * One record (or timer) in the asynchronous execution controller: its key, the processing to run
 * once the key is free, and how many things must still happen before it is done (its body while
 * it runs, plus one per state request not yet answered). When that count reaches zero the record
 * is finished and its key passes to the next waiting record of the same key. Task thread only.
 */
final class RecordContext<K> {
  final K key;
  final Runnable onEnter;
  final Runnable processing;
  private int references;

  /** {@code onEnter} (may be null) restores the operator's per-record context whenever the record runs. */
  RecordContext(K key, Runnable onEnter, Runnable processing) {
    this.key = key;
    this.onEnter = onEnter;
    this.processing = processing;
  }

  void retain() {
    references++;
  }

  /** Drops one reference; returns whether the record is finished. */
  boolean release() {
    return --references == 0;
  }

  @Override
  public String toString() {
    return "record of key " + key;
  }
}
