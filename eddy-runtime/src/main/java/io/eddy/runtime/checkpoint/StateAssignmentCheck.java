package io.eddy.runtime.checkpoint;

import io.eddy.runtime.graph.JobPlan;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a job can start from a savepoint or checkpoint: state is matched to operators by
 * state id (the operator's uid, or one derived from its position when it has none), so every
 * operator state in the savepoint must find its operator unless the user allows dropping it
 * ({@code execution.state-recovery.ignore-unclaimed-state}), and the key groups
 * ({@code pipeline.max-parallelism}) must be the same. Operators the savepoint does not know
 * start empty; an operator recorded without state (stateless, or finished) that matches none is
 * skipped, as Flink skips empty operator state.
 *
 * <p>Finished operators (Flink's VertexFinishedStateChecker): a task restores as finished only if
 * every operator of its chain is fully finished, so a chain may not mix fully finished operators
 * with others, and a finished chain may not follow one that is not (its input would arrive at a
 * task that no longer runs). Stateless.
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
      if (!ids.contains(op.stateId()) && op.hasState() && !allowNonRestoredState) {
        throw new IllegalStateException("The state of operator uid '" + op.stateId() + "' ('" + op.name()
            + "') in " + source + " matches no operator of this job. Give the operator that should own it "
            + "uid(\"" + op.stateId() + "\"), or drop that state with --allowNonRestoredState "
            + "(execution.state-recovery.ignore-unclaimed-state: true).");
      }
    }
    checkFinished(plan, metadata, source);
  }

  /** True if every operator of {@code vertex} was fully finished in {@code metadata}. */
  public static boolean isFinished(JobVertex vertex, CheckpointMetadata metadata) {
    return vertex.nodes().stream().allMatch(n -> isFinished(n, metadata));
  }

  private static boolean isFinished(StreamNode node, CheckpointMetadata metadata) {
    CheckpointMetadata.OperatorState op = metadata.operators().get(node.stateId());
    return op != null && op.isFullyFinished();
  }

  private static void checkFinished(JobPlan plan, CheckpointMetadata metadata, String source) {
    for (JobVertex v : plan.vertices()) {
      List<String> finished = v.nodes().stream().filter(n -> isFinished(n, metadata)).map(StreamNode::name).toList();
      if (finished.isEmpty()) {
        continue;
      }
      if (finished.size() < v.nodes().size()) {
        throw new IllegalStateException("Cannot restore the chain '" + v.name() + "' from " + source + ": its operators "
            + finished + " had finished but the others had not (or are new). A chain restores as finished or not at "
            + "all: put the new operators in a chain of their own (startNewChain() or disableChaining()).");
      }
      for (StreamNode node : v.nodes()) {
        for (StreamNode input : plan.nodes()) {
          for (var edge : input.outEdges()) {
            if (edge.target() == node && plan.vertexOf(input) != v && !isFinished(plan.vertexOf(input), metadata)) {
              throw new IllegalStateException("Cannot restore '" + v.name() + "' from " + source + " as finished: its "
                  + "input '" + input.name() + "' had not finished (or is new), and its records would reach a task that "
                  + "no longer runs. A finished operator may only follow finished ones; give the changed part of the "
                  + "job new uids.");
            }
          }
        }
      }
    }
  }
}
