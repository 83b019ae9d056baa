package io.eddy.runtime.io;

/** What flows through a channel besides record batches, in order with them. */
public sealed interface ControlEvent {
  /** The sender's watermark advanced. */
  record WatermarkEvent(long watermark) implements ControlEvent {}

  /** The sender became idle or active. */
  record IdleEvent(boolean idle) implements ControlEvent {}

  /** Checkpoint {@code checkpointId}: everything before belongs to it, everything after does not. */
  record Barrier(long checkpointId) implements ControlEvent {}

  /**
   * The sender has no more records or watermarks (it finished its operators); it still sends
   * checkpoint barriers until its {@link EndOfPartition}, while it waits for its final checkpoint.
   */
  record EndOfData() implements ControlEvent {
    public static final EndOfData INSTANCE = new EndOfData();
  }

  /** The sender is done; nothing follows. */
  record EndOfPartition() implements ControlEvent {
    public static final EndOfPartition INSTANCE = new EndOfPartition();
  }
}
