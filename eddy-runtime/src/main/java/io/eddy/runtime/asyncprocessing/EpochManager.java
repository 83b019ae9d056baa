package io.eddy.runtime.asyncprocessing;

import java.util.ArrayDeque;

/**
 * Cuts the input of one {@link AsyncExecutionController} into epochs at its non-record inputs
 * (watermarks, with the timers they fire), as Flink's {@code EpochManager} (FLIP-425): every
 * record belongs to the epoch open when it arrived; a non-record closes the open epoch with two
 * actions, a <b>trigger</b> run once every record of the epoch is finished (firing timers: the
 * records it starts join the epoch) and a <b>final action</b> run once those are finished too
 * (forwarding the watermark). Epochs finish strictly in order, so a non-record takes effect
 * after every record before it, and the next epoch's records may already have arrived
 * meanwhile: the task does not stop reading input while an epoch drains.
 *
 * <p>Whether a record may start is the controller's question ({@link #mayStart}): only a record of
 * the oldest unfinished epoch may, so records of later epochs wait (admitted and counted in
 * flight, but not run) until the epochs before theirs finished. Their processing then sees
 * exactly the state, timers, watermark and output order of the synchronous model, unlike Flink's
 * {@code PARALLEL_BETWEEN_EPOCH}, which also runs them early.
 *
 * <p>Task thread only. Not reentrant: an epoch finishing inside an action finishes after it.
 */
final class EpochManager {
  private enum Status { OPEN, CLOSED, FINISHING, FINISHED }

  /** One epoch: its records not finished yet and what its closing non-record does. */
  static final class Epoch {
    final long id;
    int ongoingRecords;
    private Status status = Status.OPEN;
    private Runnable trigger;
    private Runnable finalAction;

    Epoch(long id) {
      this.id = id;
    }

    /** CLOSED -> FINISHING (trigger) -> FINISHED (final action), as the records allow; returns whether finished. */
    private boolean tryFinish() {
      if (ongoingRecords == 0 && status == Status.CLOSED) {
        status = Status.FINISHING;
        if (trigger != null) {
          trigger.run();
        }
      }
      if (ongoingRecords == 0 && status == Status.FINISHING) {
        status = Status.FINISHED;
        if (finalAction != null) {
          finalAction.run();
        }
      }
      return status == Status.FINISHED;
    }

    @Override
    public String toString() {
      return "epoch " + id + " (" + status + ", " + ongoingRecords + " records)";
    }
  }

  /** Closed epochs not finished, oldest first. */
  private final ArrayDeque<Epoch> closed = new ArrayDeque<>();
  private final Runnable onFinished;
  private Epoch open = new Epoch(0);
  /** The epoch whose trigger is running: records it starts (timers firing) belong to it. */
  private Epoch finishing;
  private boolean finishingInProgress;

  /** {@code onFinished} runs after epochs finished: records of the next one may start. */
  EpochManager(Runnable onFinished) {
    this.onFinished = onFinished;
  }

  /** A record arrived: it belongs to the epoch whose trigger runs, else to the open one. */
  Epoch onRecord() {
    Epoch epoch = finishing != null ? finishing : open;
    epoch.ongoingRecords++;
    return epoch;
  }

  /** Whether a record of {@code epoch} may run: no epoch before it is unfinished. */
  boolean mayStart(Epoch epoch) {
    Epoch oldest = closed.peekFirst();
    return oldest == null ? epoch == open : epoch == oldest;
  }

  /** Whether the trigger of an epoch is running (records started now are its timers). */
  boolean inTrigger() {
    return finishing != null;
  }

  /** Whether a closed epoch waits for its records: its requests should not wait for a full batch. */
  boolean hasClosedEpochs() {
    return !closed.isEmpty();
  }

  /** Epochs closed so far (non-record inputs received). */
  long closedCount() {
    return open.id;
  }

  /** A non-record input: closes the open epoch with its actions (either may be null) and opens the next. */
  void onNonRecord(Runnable trigger, Runnable finalAction) {
    open.trigger = trigger;
    open.finalAction = finalAction;
    open.status = Status.CLOSED;
    closed.addLast(open);
    open = new Epoch(open.id + 1);
    finishInOrder();
  }

  /** A record of {@code epoch} finished. */
  void completeOneRecord(Epoch epoch) {
    if (--epoch.ongoingRecords == 0 && epoch != open) {
      finishInOrder();
    }
  }

  private void finishInOrder() {
    if (finishingInProgress) {
      return; // the loop below goes on with it
    }
    finishingInProgress = true;
    boolean any = false;
    try {
      for (Epoch epoch; (epoch = closed.peekFirst()) != null; ) {
        finishing = epoch;
        try {
          if (!epoch.tryFinish()) {
            break;
          }
        } finally {
          finishing = null;
        }
        closed.pollFirst();
        any = true;
      }
    } finally {
      finishingInProgress = false;
    }
    if (any) {
      onFinished.run();
    }
  }
}
