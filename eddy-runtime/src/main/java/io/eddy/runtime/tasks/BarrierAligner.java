package io.eddy.runtime.tasks;

import io.eddy.runtime.io.InputGate;
import java.util.function.LongSupplier;

/**
 * Aligns checkpoint barriers over a task's input channels (Flink's aligned checkpoints): a channel
 * that delivered the barrier of checkpoint N is blocked, so no record after the barrier slips into
 * the snapshot, until every live channel delivered it; then the task checkpoints and all channels
 * reopen. A channel that ended (EndOfPartition) counts as aligned, so the checkpoint completes
 * without the producers that finished. A barrier of a newer checkpoint abandons an unfinished
 * alignment (that checkpoint was aborted); one of a checkpoint the task already took is ignored.
 *
 * <p>Task thread only.
 */
final class BarrierAligner {
  /** Takes checkpoint {@code checkpointId} once aligned. */
  @FunctionalInterface
  interface Checkpointer {
    void checkpoint(long checkpointId) throws Exception;
  }

  private final InputGate gate;
  private final LongSupplier lastCheckpoint;
  private final Checkpointer checkpointer;
  private long aligningCheckpoint = -1;
  private int barriersReceived;

  /** @param lastCheckpoint the newest checkpoint the task took (barriers up to it are stale) */
  BarrierAligner(InputGate gate, LongSupplier lastCheckpoint, Checkpointer checkpointer) {
    this.gate = gate;
    this.lastCheckpoint = lastCheckpoint;
    this.checkpointer = checkpointer;
  }

  /** A barrier arrived on {@code channel}: block it, and checkpoint once every live channel delivered one. */
  void onBarrier(int channel, long checkpointId) throws Exception {
    if (checkpointId <= lastCheckpoint.getAsLong()) {
      return;
    }
    if (checkpointId != aligningCheckpoint) {
      gate.unblockAll();
      aligningCheckpoint = checkpointId;
      barriersReceived = 0;
    }
    gate.block(channel);
    barriersReceived++;
    completeIfDone();
  }

  /** {@code channel} ended: it no longer holds up an alignment. */
  void onEndOfPartition(int channel) throws Exception {
    gate.markFinished(channel);
    completeIfDone();
  }

  private void completeIfDone() throws Exception {
    if (aligningCheckpoint >= 0 && barriersReceived >= gate.liveChannelCount()) {
      long id = aligningCheckpoint;
      aligningCheckpoint = -1;
      gate.unblockAll();
      checkpointer.checkpoint(id);
    }
  }
}
