package io.eddy.runtime.checkpoint;

import io.eddy.state.KeyGroupRange;

/**
 * Where one operator subtask's state of a checkpoint is: its state file (null if it had no
 * state), the file's size, and the key groups it covers (null for non-keyed operators).
 */
public record StateHandle(int subtask, String path, long size, KeyGroupRange keyGroups) {}
