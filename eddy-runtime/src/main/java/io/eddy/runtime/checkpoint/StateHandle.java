package io.eddy.runtime.checkpoint;

import io.eddy.state.KeyGroupRange;

/**
 * Where one operator subtask's state of a checkpoint is: its state file (null if it had no
 * state), the key groups it covers (null for non-keyed operators), and two sizes as Flink
 * reports them: {@code size}, the state size (the file and the backend files its handle
 * references: what a restore from it reads), and {@code checkpointedSize}, what this checkpoint
 * wrote of it (the file and the files the backend uploaded or added since its previous
 * checkpoint; the same as {@code size} unless the backend checkpoints incrementally).
 */
public record StateHandle(int subtask, String path, long size, long checkpointedSize, KeyGroupRange keyGroups) {
  /** A handle whose whole state this checkpoint wrote (a state file without references). */
  public StateHandle(int subtask, String path, long size, KeyGroupRange keyGroups) {
    this(subtask, path, size, size, keyGroups);
  }
}
