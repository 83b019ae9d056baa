package io.eddy.runtime.operators.async;

import io.eddy.runtime.operators.Output;

/**
 * One element in an {@link AsyncWaitOperator}'s queue: a record waiting for its results, or a
 * watermark (done from the start). Task thread only.
 */
sealed interface StreamElementQueueEntry<OUT> permits RecordQueueEntry, WatermarkQueueEntry {
  /** Whether the element's output is known, so that it may be emitted when its turn comes. */
  boolean isDone();

  /** Emits the element's output (its results, or the watermark). REQUIRES: {@link #isDone()}. */
  void emitResult(Output<OUT> output);

  /** The input element as a checkpoint keeps it, to be processed again after a restore. */
  StoredElement stored();
}
