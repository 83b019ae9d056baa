package io.eddy.runtime.checkpoint;

import io.eddy.runtime.graph.JobPlan;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a job can start from a savepoint or checkpoint: state is matched to operators by
 * state id (the operator's uid, or one derived from its position when it has none), so every
 * operator state in the savepoint must find its operator unless the user allows dropping it
 * ({@code execution.state-recovery.ignore-unclaimed-state}), and the key groups
 * ({@code pipeline.max-parallelism}) must be the same. Operators the savepoint does not know
 * start empty. Stateless.
 */
public final class StateAssignmentCheck {
  private StateAssignmentCheck() {}

  /** @throws IllegalStateException naming the first operator state without an operator, or the max parallelism mismatch */
  public static void check(JobPlan plan, CheckpointMetadata metadata, String source, boolean allowNonRestoredState) {
    if (metadata.maxParallelism() != plan.maxParallelism()) {
      throw new IllegalStateException("The state in " + source + " has " + metadata.maxParallelism()
          + " key groups (pipeline.max-parallelism) but this job has " + plan.maxParallelism()
          + ": keyed state cannot be redistributed; start with pipeline.max-parallelism: " + metadata.maxParallelism());
    }
    Set<String> ids = new HashSet<>();
    for (JobVertex v : plan.vertices()) {
      for (StreamNode node : v.nodes()) {
        ids.add(node.stateId());
      }
    }
    for (CheckpointMetadata.OperatorState op : metadata.operators().values()) {
      if (!ids.contains(op.stateId()) && !allowNonRestoredState) {
        throw new IllegalStateException("The state of operator uid '" + op.stateId() + "' ('" + op.name()
            + "') in " + source + " matches no operator of this job. Give the operator that should own it "
            + "uid(\"" + op.stateId() + "\"), or drop that state with --allowNonRestoredState "
            + "(execution.state-recovery.ignore-unclaimed-state: true).");
      }
    }
  }
}
