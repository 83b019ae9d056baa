package io.eddy.runtime.asyncprocessing;

import java.util.ArrayList;

/**
 * One record (or timer) in the asynchronous execution controller: its key, the processing to run
 * once the key is free, and how many things must still happen before it is done (its body while
 * it runs, plus one per state request not yet answered). When that count reaches zero the record
 * is finished and its key passes to the next waiting record of the same key. Task thread only.
 */
final class RecordContext<K> {
  /** Set once, except in the one context reused by the controller for an executor that answers at once. */
  K key;
  final Runnable onEnter;
  final Runnable processing;
  /** Its state requests not yet answered, in issue order. */
  final ArrayList<PendingRequest<K>> pending = new ArrayList<>(2);
  /** The epoch it arrived in (null in the context reused for an executor that answers at once). */
  EpochManager.Epoch epoch;
  /** What its processing's reads teach (null: nothing), see {@link ReadProfile}. */
  ReadProfile profile;
  /** Whether this is not a record but the prefetch ahead of one waiting for an earlier epoch (PREFETCH requests only). */
  boolean ahead;
  /** Whether its processing began (a record admitted with others may wait in the ready queue). */
  boolean started;
  /** Whether its key already passed to the next record of the key (only quiet writes of it were left). */
  boolean handedOver;
  /**
   * The record that handed its key to this one while its writes were unanswered (null once that
   * one finished): if this one finishes first, the key goes back to it rather than becoming free.
   */
  RecordContext<K> predecessor;
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

  boolean finished() {
    return references == 0;
  }

  /** Whether neither its processing nor one of its callbacks is running: only its pending requests hold it. */
  boolean onlyRequestsLeft() {
    return references == pending.size();
  }

  @Override
  public String toString() {
    return "record of key " + key;
  }
}
