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
 *
 * <p>Savepoints ({@link #triggerSavepoint}) are checkpoints on request, taken in turn with the
 * periodic ones (one in flight at a time, sharing the id sequence) but written to a storage of
 * their own; they subsume nothing. A stop-with-savepoint asks the sources to emit nothing after
 * their barrier, so the savepoint holds everything the job did.
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
  private final java.util.ArrayDeque<SavepointRequest> savepoints = new java.util.ArrayDeque<>();
  private boolean stoppedWithSavepoint;
  private final Map<Long, CheckpointStorage> abortedTargets = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, CheckpointStorage> eldest) {
      return size() > 16;
    }
  };
  private long nextId;
  private Pending pending;
  private long lastEnd;
  private volatile boolean closed;

  /** A savepoint that was written: its checkpoint id and folder. */
  public record CompletedSavepoint(long checkpointId, String folder) {}

  private record SavepointRequest(CheckpointStorage target, boolean terminate,
      java.util.concurrent.CompletableFuture<CompletedSavepoint> result) {}

  private static final class Pending {
    final long id;
    final long start;
    final CheckpointStorage target;
    final SavepointRequest savepoint;
    final Map<String, CheckpointMetadata.OperatorState> operators = new LinkedHashMap<>();
    final CheckpointEvent event = new CheckpointEvent();
    int acks;

    Pending(long id, long start, CheckpointStorage target, SavepointRequest savepoint) {
      this.id = id;
      this.start = start;
      this.target = target;
      this.savepoint = savepoint;
      event.begin();
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

  /** Starts the timer thread: periodic checkpoints (if an interval is set) and savepoints on request. */
  public void start() {
    timer.start();
  }

  /**
   * Takes a savepoint into {@code target} once no checkpoint is in flight; with {@code terminate}
   * the sources emit nothing after it (stop-with-savepoint). The future completes once the
   * savepoint is written (the tasks are notified then), or fails with why it could not be taken.
   */
  public synchronized java.util.concurrent.CompletableFuture<CompletedSavepoint> triggerSavepoint(
      CheckpointStorage target, boolean terminate) {
    var result = new java.util.concurrent.CompletableFuture<CompletedSavepoint>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("The job attempt has ended"));
    } else {
      savepoints.add(new SavepointRequest(target, terminate, result));
    }
    return result;
  }

  private void runTimer() {
    long lastTrigger = System.currentTimeMillis();
    while (!closed) {
      try {
        Thread.sleep(intervalMillis > 0 ? Math.max(1, Math.min(intervalMillis, 20)) : 20);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.currentTimeMillis();
      synchronized (this) {
        if (pending != null && now - pending.start > timeoutMillis) {
          abort(pending, "timed out after " + timeoutMillis + " ms");
        }
        if (pending != null || closed) {
          continue;
        }
        if (!savepoints.isEmpty()) {
          SavepointRequest request = savepoints.poll();
          if (!job.canCheckpoint()) {
            request.result().completeExceptionally(new IllegalStateException(
                "The job cannot take a savepoint now: a task has failed, or finished where no checkpoint can "
                    + "record it (execution.checkpointing.checkpoints-after-tasks-finish is off, or a "
                    + "two-phase-commit sink finished without periodic checkpoints)"));
            continue;
          }
          pending = new Pending(nextId++, now, request.target(), request);
          job.triggerCheckpoint(pending.id, request.terminate());
        } else if (intervalMillis > 0 && !stoppedWithSavepoint
            && (now - lastTrigger >= intervalMillis || job.awaitsFinalCheckpoint())
            && now - lastEnd >= minPauseMillis && job.canCheckpoint()) {
          pending = new Pending(nextId++, now, storage, null);
          lastTrigger = now;
          job.triggerCheckpoint(pending.id, false);
        }
      }
    }
  }

  /** Where the state of checkpoint {@code checkpointId} goes: a savepoint's own storage, else the job's. */
  public synchronized CheckpointStorage storageFor(long checkpointId) {
    return pending != null && pending.id == checkpointId ? pending.target : storage;
  }

  /** A task's state for a checkpoint is written; completes the checkpoint when it is the last. */
  public synchronized void acknowledge(long checkpointId, List<TaskAcknowledgement> parts) {
    if (pending == null || pending.id != checkpointId || closed) {
      deleteLate(abortedTargets.getOrDefault(checkpointId, storage), parts);
      return;
    }
    for (TaskAcknowledgement part : parts) {
      CheckpointMetadata.OperatorState op = pending.operators.computeIfAbsent(part.stateId(),
          id -> new CheckpointMetadata.OperatorState(id, part.operatorName(), part.parallelism(), new ArrayList<>(),
              new ArrayList<>()));
      if (part.isFinished()) {
        op.finishedSubtasks().add(part.subtask());
      } else {
        op.subtasks().add(part.handle());
      }
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
      op.finishedSubtasks().sort(null);
    }
    CheckpointMetadata metadata = new CheckpointMetadata(p.id, now, jobName, maxParallelism, p.operators);
    try {
      p.target.commit(metadata);
      if (p.savepoint == null) {
        storage.retainNewest(retained);
      }
    } catch (IOException e) {
      job.log("Checkpoint " + p.id + " could not be committed: " + e.getMessage());
      deleteQuietly(p);
      if (p.savepoint != null) {
        p.savepoint.result().completeExceptionally(e);
      } else {
        job.aborted(p.id);
      }
      return;
    }
    if (p.savepoint != null) {
      // after a stop-with-savepoint the job only ends: a checkpoint now would be aborted half-written
      stoppedWithSavepoint |= p.savepoint.terminate();
      job.log("Savepoint " + p.id + " written to " + p.target.directory());
      job.notifyComplete(p.id);
      p.savepoint.result().complete(new CompletedSavepoint(p.id, p.target.directory()));
      return;
    }
    CompletedCheckpointStats stats = new CompletedCheckpointStats(p.id, now - p.start, metadata.totalBytes(),
        metadata.checkpointedBytes());
    completed.add(stats);
    p.event.checkpointId = p.id;
    p.event.commit();
    job.completed(stats);
    job.notifyComplete(p.id);
  }

  private void abort(Pending p, String reason) {
    pending = null;
    lastEnd = System.currentTimeMillis();
    job.log((p.savepoint == null ? "Checkpoint " : "Savepoint ") + p.id + " aborted: " + reason);
    abortedTargets.put(p.id, p.target);
    deleteQuietly(p);
    if (p.savepoint != null) {
      p.savepoint.result().completeExceptionally(new IllegalStateException(reason));
    } else {
      job.aborted(p.id);
    }
  }

  private void deleteLate(CheckpointStorage target, List<TaskAcknowledgement> parts) {
    if (target == null) {
      return;
    }
    for (TaskAcknowledgement part : parts) {
      if (!part.isFinished() && part.handle().path() != null) {
        try {
          target.fileSystem().delete(part.handle().path());
        } catch (IOException ignored) {
          // best effort: an orphan of an aborted checkpoint is harmless
        }
      }
    }
  }

  private void deleteQuietly(Pending p) {
    try {
      p.target.deleteFiles(p.id);
    } catch (IOException e) {
      job.log("Could not delete files of checkpoint " + p.id + ": " + e.getMessage());
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
      for (SavepointRequest request : savepoints) {
        request.result().completeExceptionally(new IllegalStateException("The job attempt ended before the savepoint"));
      }
      savepoints.clear();
    }
  }
}
