package io.eddy.state;

/**
 * A checkpointed {@link PersistedHandle#handle() handle} of one old subtask together with
 * the key groups that subtask owned: what a backend restores from. A new subtask receives every
 * handle whose key groups overlap its own range and must keep only its key groups.
 */
public record KeyedStateHandle(KeyGroupRange keyGroups, byte[] handle) {}
