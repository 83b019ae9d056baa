package io.eddy.sql.plan;

/**
 * How a node's output carries updates (Flink's UpdateKindTrait): no updates at all, updates as
 * {@code +U} rows only (an upsert stream, which its consumer applies by key), or {@code -U}/{@code +U}
 * pairs. The planner asks each node for one of them, top-down from the sink.
 */
public enum UpdateKind {
  NONE,
  ONLY_UPDATE_AFTER,
  BEFORE_AND_AFTER
}
