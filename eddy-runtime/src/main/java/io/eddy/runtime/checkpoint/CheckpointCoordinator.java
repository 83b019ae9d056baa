package io.eddy.runtime.checkpoint;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triggers checkpoints every {@code execution.checkpointing.interval} (at most one in flight,
 * at least {@code min-pause} after the last one ended), collects every task's acknowledgement,
 * and completes a checkpoint by writing its metadata; then old checkpoints are deleted and the
 * tasks notified. A checkpoint that a task declines or that times out is aborted and its files
 * deleted. Runs its own timer thread; acknowledgements arrive from checkpoint I/O threads.
 */
public final class CheckpointCoordinator implements AutoCloseable {
  private final CheckpointStorage storage;
  private final CheckpointParticipants job;
  private final String jobName;
  private final int maxParallelism;
  private final int expectedAcks;
  private final long intervalMillis;
  private final long timeoutMillis;
  private final long minPauseMillis;
  private final int retained;
  private final Thread timer;
  private final List<CompletedCheckpointStats> completed = new ArrayList<>();
  private long nextId;
  private Pending pending;
  private long lastEnd;
  private volatile boolean closed;

  private static final class Pending {
    final long id;
    final long start;
    final Map<String, CheckpointMetadata.OperatorState> operators = new LinkedHashMap<>();
    int acks;

    Pending(long id, long start) {
      this.id = id;
      this.start = start;
    }
  }

  public CheckpointCoordinator(CheckpointStorage storage, CheckpointParticipants job, Configuration configuration,
      String jobName, int maxParallelism, int expectedAcks, long firstCheckpointId) {
    this.storage = storage;
    this.job = job;
    this.jobName = jobName;
    this.maxParallelism = maxParallelism;
    this.expectedAcks = expectedAcks;
    this.intervalMillis = configuration.get(CheckpointingOptions.INTERVAL).toMillis();
    this.timeoutMillis = configuration.get(CheckpointingOptions.TIMEOUT).toMillis();
    this.minPauseMillis = configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis();
    this.retained = Math.max(1, configuration.get(CheckpointingOptions.NUM_RETAINED));
    this.nextId = firstCheckpointId;
    this.lastEnd = System.currentTimeMillis();
    this.timer = new Thread(this::runTimer, "Eddy checkpoint coordinator (" + jobName + ")");
    this.timer.setDaemon(true);
  }

  public void start() {
    if (intervalMillis > 0) {
      timer.start();
    }
  }

  private void runTimer() {
    long lastTrigger = System.currentTimeMillis();
    while (!closed) {
      try {
        Thread.sleep(Math.max(1, Math.min(intervalMillis, 20)));
      } catch (InterruptedException e) {
        return;
      }
      long now = System.currentTimeMillis();
      synchronized (this) {
        if (pending != null && now - pending.start > timeoutMillis) {
          abort(pending, "timed out after " + timeoutMillis + " ms");
        }
        if (pending == null && now - lastTrigger >= intervalMillis && now - lastEnd >= minPauseMillis
            && job.canCheckpoint() && !closed) {
          pending = new Pending(nextId++, now);
          lastTrigger = now;
          job.triggerSources(pending.id);
        }
      }
    }
  }

  /** A task's state for a checkpoint is written; completes the checkpoint when it is the last. */
  public synchronized void acknowledge(long checkpointId, List<TaskAcknowledgement> parts) {
    if (pending == null || pending.id != checkpointId || closed) {
      deleteLate(parts);
      return;
    }
    for (TaskAcknowledgement part : parts) {
      CheckpointMetadata.OperatorState op = pending.operators.computeIfAbsent(part.stateId(),
          id -> new CheckpointMetadata.OperatorState(id, part.operatorName(), part.parallelism(), new ArrayList<>()));
      op.subtasks().add(part.handle());
    }
    if (++pending.acks == expectedAcks) {
      complete(pending);
    }
  }

  /** A task could not take its part: the checkpoint is aborted, the job goes on. */
  public synchronized void decline(long checkpointId, Throwable cause) {
    if (pending != null && pending.id == checkpointId) {
      abort(pending, String.valueOf(cause));
    }
  }

  private void complete(Pending p) {
    pending = null;
    long now = System.currentTimeMillis();
    lastEnd = now;
    for (CheckpointMetadata.OperatorState op : p.operators.values()) {
      op.subtasks().sort((a, b) -> Integer.compare(a.subtask(), b.subtask()));
    }
    CheckpointMetadata metadata = new CheckpointMetadata(p.id, now, jobName, maxParallelism, p.operators);
    try {
      storage.commit(metadata);
      storage.retainNewest(retained);
    } catch (IOException e) {
      job.log("Checkpoint " + p.id + " could not be committed: " + e.getMessage());
      deleteQuietly(p.id);
      return;
    }
    CompletedCheckpointStats stats = new CompletedCheckpointStats(p.id, now - p.start, metadata.totalBytes());
    completed.add(stats);
    job.completed(stats);
    job.notifyComplete(p.id);
  }

  private void abort(Pending p, String reason) {
    pending = null;
    lastEnd = System.currentTimeMillis();
    job.log("Checkpoint " + p.id + " aborted: " + reason);
    deleteQuietly(p.id);
  }

  private void deleteLate(List<TaskAcknowledgement> parts) {
    for (TaskAcknowledgement part : parts) {
      if (part.handle().path() != null) {
        try {
          storage.fileSystem().delete(part.handle().path());
        } catch (IOException ignored) {
          // best effort: an orphan of an aborted checkpoint is harmless
        }
      }
    }
  }

  private void deleteQuietly(long id) {
    try {
      storage.deleteFiles(id);
    } catch (IOException e) {
      job.log("Could not delete files of checkpoint " + id + ": " + e.getMessage());
    }
  }

  public synchronized List<CompletedCheckpointStats> completedCheckpoints() {
    return List.copyOf(completed);
  }

  /** The id the next checkpoint will get. */
  public synchronized long nextCheckpointId() {
    return nextId;
  }

  @Override
  public void close() {
    closed = true;
    timer.interrupt();
    synchronized (this) {
      if (pending != null) {
        abort(pending, "job ended");
      }
    }
  }
}
