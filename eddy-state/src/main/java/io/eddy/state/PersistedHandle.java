package io.eddy.state;

/**
 * What {@link FileHandleSnapshot#persist()} made durable: the {@code handle} the checkpoint
 * stores, the size of everything the handle references ({@code stateSize}, Flink's state size:
 * a restore from it alone would read this much), and what this checkpoint wrote or uploaded
 * that earlier checkpoints of the store had not ({@code checkpointedSize}, Flink's checkpointed
 * size; equal to {@code stateSize} when the checkpoint is not incremental).
 */
public record PersistedHandle(byte[] handle, long stateSize, long checkpointedSize) {
  public PersistedHandle {
    if (stateSize < 0 || checkpointedSize < 0 || checkpointedSize > stateSize) {
      throw new IllegalArgumentException("sizes must satisfy 0 <= checkpointed (" + checkpointedSize
          + ") <= state size (" + stateSize + ")");
    }
  }
}
