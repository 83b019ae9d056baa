package io.eddy.runtime.execution;

import io.eddy.api.connector.TwoPhaseCommittingSink;
import java.io.Serializable;
import java.util.List;

/**
 * Collects what two-phase-commit sinks staged after their last checkpoint; committed only once
 * every task of the job has finished, so that a failure before then replays from the last
 * checkpoint without anything having been published twice. Used when no final checkpoint
 * follows the end of input (checkpointing off, or checkpoints after tasks finish disabled);
 * otherwise a sink prepares its last committables in that checkpoint and commits them when it
 * completes, as in Flink.
 */
public interface EndOfInputCommits {
  <C extends Serializable> void add(TwoPhaseCommittingSink<?, C> sink, List<C> committables);

  /** Whether a final checkpoint follows this task's end of input (then {@link #add} is not used). */
  boolean finalCheckpointFollows();
}
