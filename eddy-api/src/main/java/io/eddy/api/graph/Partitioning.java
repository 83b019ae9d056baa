package io.eddy.api.graph;

import io.eddy.api.functions.KeySelector;

/** How records travel from the subtasks of one operator to the subtasks of the next. */
public sealed interface Partitioning {
  /** Subtask i to subtask i; only between operators of equal parallelism (they may chain). */
  record Forward() implements Partitioning {}

  /** Round-robin over all downstream subtasks. */
  record Rebalance() implements Partitioning {}

  /** Every record to every downstream subtask. */
  record Broadcast() implements Partitioning {}

  /** By key group of the key (keyBy). */
  record Keyed(KeySelector<?, ?> keySelector) implements Partitioning {}
}
