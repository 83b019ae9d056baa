package io.eddy.api.graph;

/**
 * Whether an operator may run in the same task as its neighbours (Flink's chaining strategy).
 * Chaining also needs a forward edge, equal parallelism, the same slot-sharing group and a
 * target with one input; this only adds the operator's own veto.
 */
public enum ChainingStrategy {
  /** Chains to its input and lets its outputs chain to it (the default). */
  ALWAYS,
  /** Never chains, neither to its input nor its outputs to it ({@code disableChaining()}). */
  NEVER,
  /** Starts a new chain: does not chain to its input, but its outputs may chain to it ({@code startNewChain()}). */
  HEAD
}
