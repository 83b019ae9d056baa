package io.eddy.runtime.operators.async;

import io.eddy.runtime.operators.Output;
import java.util.List;

/**
 * The bounded queue of an {@link AsyncWaitOperator}: records in flight (or done but not yet
 * emitted) and watermarks, at most {@code capacity} in all. The implementation decides which
 * done element may go out next: the head only ({@link OrderedStreamElementQueue}), or any done
 * record before the first pending watermark ({@link UnorderedStreamElementQueue}). Task thread only.
 */
interface StreamElementQueue<OUT> {
  /** Whether another element may be added. */
  boolean hasCapacity();

  /** Adds an element at the end. REQUIRES: {@link #hasCapacity()}. */
  void add(StreamElementQueueEntry<OUT> entry);

  /** The record {@code entry} (in this queue) became done. */
  void onCompleted(RecordQueueEntry<?, OUT> entry);

  /** Emits and removes the elements that may go out now; returns how many did. */
  int emitCompleted(Output<OUT> output);

  boolean isEmpty();

  int size();

  /** The input elements in the queue, in an order that restores its constraints when re-added. */
  List<StoredElement> stored();
}
