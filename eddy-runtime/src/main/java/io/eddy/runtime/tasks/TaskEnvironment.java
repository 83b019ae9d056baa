package io.eddy.runtime.tasks;

import io.eddy.api.config.Configuration;
import io.eddy.runtime.execution.JobMetrics;
import io.eddy.runtime.graph.StreamEdge;
import io.eddy.runtime.io.Channel;
import io.eddy.runtime.time.Clock;

/** What a task needs from the job run it belongs to. */
public interface TaskEnvironment {
  Configuration configuration();

  int maxParallelism();

  int attempt();

  Clock clock();

  JobMetrics metrics();

  /** The channels from producer subtask {@code subtask} along the edge (one per target subtask it feeds). */
  Channel[] channels(StreamEdge edge, int subtask);

  boolean isCancelled();

  /** Reports that the task failed; the job is then cancelled. */
  void fail(Task task, Throwable failure);
}
