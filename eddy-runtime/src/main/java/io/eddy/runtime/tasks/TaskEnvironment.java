package io.eddy.runtime.tasks;

import io.eddy.api.config.Configuration;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.runtime.checkpoint.RestoredState;
import io.eddy.runtime.checkpoint.TaskAcknowledgement;
import io.eddy.runtime.execution.EndOfInputCommits;
import io.eddy.runtime.execution.JobMetrics;
import io.eddy.runtime.graph.StreamEdge;
import io.eddy.runtime.io.Channel;
import io.eddy.runtime.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/** What a task needs from the job attempt it belongs to. */
public interface TaskEnvironment {
  Configuration configuration();

  int maxParallelism();

  int attempt();

  Clock clock();

  JobMetrics metrics();

  /** The job's metric group, parent of the tasks' groups (see {@link io.eddy.runtime.metrics.JobMetricGroup#addTask}). */
  io.eddy.runtime.metrics.JobMetricGroup metricGroup();

  /** The channels from producer subtask {@code subtask} along the edge (one per target subtask it feeds). */
  Channel[] channels(StreamEdge edge, int subtask);

  boolean isCancelled();

  /** Reports that the task failed; the job is then cancelled. */
  void fail(Task task, Throwable failure);

  /**
   * Whether a task that reached the end of its input waits for a final checkpoint before it
   * terminates (checkpointing on and execution.checkpointing.checkpoints-after-tasks-finish).
   */
  boolean takesFinalCheckpoints();

  /**
   * The task finished its input (and its final checkpoint, if it takes one): from now on checkpoints do not
   * trigger it and record it with empty state. Called on the task's thread; the checkpoints
   * asked of it before are still in its mailbox.
   */
  void terminating(Task task);

  /** Reports that the task ended normally. */
  void finished(Task task);

  /** The checkpoint this attempt starts from, or null. */
  RestoredState restoredState();

  /** Where the state of checkpoint or savepoint {@code checkpointId} goes. */
  CheckpointStorage checkpointStorage(long checkpointId);

  /** Runs the asynchronous part of checkpoints (writing state files). */
  Executor checkpointIo();

  void acknowledgeCheckpoint(long checkpointId, List<TaskAcknowledgement> parts);

  void declineCheckpoint(long checkpointId, Throwable cause);

  /** The task has told its operators and backends that checkpoint {@code checkpointId} completed. */
  void checkpointNotified(long checkpointId);

  EndOfInputCommits endOfInputCommits();
}
