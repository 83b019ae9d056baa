package io.eddy.api.graph;

import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.Partitioner;

/**
 * How records travel from the subtasks of one operator to the subtasks of the next (Flink's
 * stream partitioners). Without an explicit one, an edge is Forward when both sides have the
 * same parallelism and Rebalance otherwise.
 */
public sealed interface Partitioning {
  /** Subtask i to subtask i; only between operators of equal parallelism (they may chain). */
  record Forward() implements Partitioning {}

  /** Round-robin over all downstream subtasks. */
  record Rebalance() implements Partitioning {}

  /**
   * Round-robin over a local subset of the downstream subtasks: producers and consumers are
   * matched in contiguous groups, so each producer talks to only some consumers (or, when
   * there are fewer consumers, several producers share one).
   */
  record Rescale() implements Partitioning {}

  /** A uniformly random downstream subtask per record. */
  record Shuffle() implements Partitioning {}

  /** Every record to downstream subtask 0. */
  record Global() implements Partitioning {}

  /** Every record to every downstream subtask. */
  record Broadcast() implements Partitioning {}

  /** By key group of the key (keyBy). */
  record Keyed(KeySelector<?, ?> keySelector) implements Partitioning {}

  /** To the subtask the user's partitioner picks for the record's key (partitionCustom). */
  record Custom(Partitioner<?> partitioner, KeySelector<?, ?> keySelector) implements Partitioning {}
}
