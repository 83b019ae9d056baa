package io.eddy.runtime.execution;

import io.eddy.api.connector.TwoPhaseCommittingSink;
import java.io.Serializable;
import java.util.List;

/**
 * Collects what two-phase-commit sinks staged after their last checkpoint; committed only once
 * every task of the job has finished, so that a failure before then replays from the last
 * checkpoint without anything having been published twice.
 */
public interface EndOfInputCommits {
  <C extends Serializable> void add(TwoPhaseCommittingSink<?, C> sink, List<C> committables);
}
