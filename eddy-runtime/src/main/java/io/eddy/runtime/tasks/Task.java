package io.eddy.runtime.tasks;

import io.eddy.api.connector.InputStatus;
import io.eddy.runtime.asyncprocessing.MailboxExecutor;
import io.eddy.runtime.checkpoint.OperatorSnapshot;
import io.eddy.runtime.checkpoint.StateAssignmentCheck;
import io.eddy.runtime.checkpoint.TaskAcknowledgement;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.io.InputGate;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.time.ProcessingTimeService;
import io.eddy.state.KeyedStateBackend;
import java.util.List;

/**
 * One subtask of one chain, on its own thread: the task's life cycle and its part in checkpoints.
 * The work is done by the parts it wires: {@link TaskStateInitializer} (backends, restore),
 * {@link OperatorChain} (operators and outputs), a {@link MailboxProcessor} running the input
 * ({@link SourceInputProcessor} or {@link StreamInputProcessor}) with the {@link Mailbox}
 * between steps, {@link BarrierAligner} and {@link SnapshotWriter}. Everything of the subtask
 * happens on the task thread, so operator code needs no locks; other threads only put mail
 * (checkpoint triggers and notifications, injected failures, operators' completions).
 *
 * <p>Life cycle: open the operators (tail first); run the input to its end; finish the operators
 * (head first); then, with final checkpoints (checkpointing on and {@code
 * execution.checkpointing.checkpoints-after-tasks-finish}), send EndOfData and keep taking part
 * in checkpoints until one taken after the end has completed (two-phase-commit sinks commit their
 * last transaction then) and every input channel has ended; report the task terminated, answer
 * what was still asked of it with empty state, send EndOfPartition; close everything.
 *
 * <p>Checkpoints: a task with no running upstream (a source, or a task whose inputs all ended)
 * checkpoints when the coordinator's trigger mail arrives; others when the barrier aligner has the
 * barrier on every live channel. The snapshot is taken synchronously, the barrier forwarded, and
 * the state written on the checkpoint I/O pool. A task that has terminated acknowledges its
 * operators as finished, without state.
 *
 * <p>Finished on restore (Flink's FINISHED_ON_RESTORE): when every operator of the chain had
 * finished in the checkpoint the attempt restores, the task runs none of them (no open, no input,
 * no finish: a bounded source does not read again, nothing is emitted twice); it only sends the
 * final watermark and the end of its partition downstream, and stays finished in later
 * checkpoints.
 */
public final class Task implements Runnable {
  private final TaskEnvironment env;
  private final JobVertex vertex;
  private final int subtask;
  private final InputGate gate;
  private final ProcessingTimeService timeService;
  private final Mailbox mailbox;
  private final TaskStateInitializer state;
  private final OperatorChain chain;
  private final SnapshotWriter snapshots;
  private final boolean finalCheckpoint;
  private final boolean finishedOnRestore;
  private volatile boolean finished;
  /** Set once the operators have finished (end of input); read by the job's thread. */
  private volatile boolean inputEnded;
  private volatile boolean finalCheckpointDone;
  private long firstCheckpointAfterEnd = Long.MAX_VALUE;
  private boolean terminated;
  private long lastCheckpoint = -1;
  private SourceInputProcessor sourceInput;

  public Task(TaskEnvironment env, JobVertex vertex, int subtask, InputGate gate) {
    this.env = env;
    this.vertex = vertex;
    this.subtask = subtask;
    this.gate = gate;
    this.timeService = new ProcessingTimeService(env.clock());
    this.mailbox = new Mailbox(gate);
    this.finalCheckpoint = env.takesFinalCheckpoints();
    this.finishedOnRestore = env.restoredState() != null
        && StateAssignmentCheck.isFinished(vertex, env.restoredState().metadata());
    this.state = new TaskStateInitializer(env, subtask);
    try {
      this.chain = new OperatorChain(env, vertex, subtask, timeService, state, this::operatorMailbox);
    } catch (RuntimeException | Error e) {
      state.closeAll();
      throw e;
    }
    this.snapshots = new SnapshotWriter(env, vertex, subtask, chain, state);
  }

  /** Where an operator hands work to the task thread. */
  private MailboxExecutor operatorMailbox(String operatorName) {
    return new OperatorMailbox(mailbox, operatorName);
  }

  /** Closes the state backends and metrics of a task that will never run (its job failed to start). */
  public void releaseUnstarted() {
    state.closeAll();
    chain.metricGroup().close();
  }

  /** The metrics of this task and its operators; the job closes them when the attempt has ended. */
  public io.eddy.runtime.metrics.TaskMetricGroup metricGroup() {
    return chain.metricGroup();
  }

  /** True once the task has finished its operators at the end of its input. */
  public boolean isInputEnded() {
    return inputEnded;
  }

  /** True while the task has finished its operators and no checkpoint taken since has completed. */
  public boolean awaitsFinalCheckpoint() {
    return inputEnded && !finalCheckpointDone;
  }

  /** This subtask's operators, acknowledged as finished (for a checkpoint taken after the task terminated). */
  public List<TaskAcknowledgement> finishedParts() {
    return vertex.nodes().stream()
        .map(n -> TaskAcknowledgement.finished(n.stateId(), n.name(), n.parallelism(), subtask)).toList();
  }

  public String describe() {
    return "'" + vertex.name() + "' (subtask " + (subtask + 1) + "/" + vertex.parallelism() + ")";
  }

  /**
   * Asks this task (a source, or one whose inputs all ended) to take checkpoint {@code id}; with
   * {@code thenSuspend} a source emits nothing after the barrier (stop-with-savepoint) until it is
   * cancelled. Called from the coordinator's thread.
   */
  public void triggerCheckpoint(long checkpointId, boolean thenSuspend) {
    mailbox.putControl(() -> {
      performCheckpoint(checkpointId);
      if (thenSuspend && sourceInput != null) {
        sourceInput.suspend();
      }
    });
  }

  /** Tells the operators that checkpoint {@code id} is complete; called from the coordinator's thread. */
  public void notifyCheckpointComplete(long checkpointId) {
    mailbox.putControl(() -> {
      chain.notifyCheckpointComplete(checkpointId);
      for (KeyedStateBackend<Object> backend : state.backends()) {
        backend.notifyCheckpointComplete(checkpointId);
      }
      if (checkpointId >= firstCheckpointAfterEnd) {
        finalCheckpointDone = true;
      }
      env.checkpointNotified(checkpointId);
    });
  }

  /** Makes the task fail, from its own thread, with the failure {@code failure} supplies then (fault injection). */
  public void injectFailure(java.util.function.Supplier<RuntimeException> failure) {
    if (!finished) {
      mailbox.putControl(() -> {
        throw failure.get();
      });
    }
  }

  /** Takes checkpoint {@code checkpointId}: snapshot, barrier downstream, state written asynchronously. */
  private void performCheckpoint(long checkpointId) throws Exception {
    if (checkpointId <= lastCheckpoint) {
      return;
    }
    lastCheckpoint = checkpointId;
    if (terminated || finishedOnRestore) {
      chain.broadcastBarrier(checkpointId);
      env.acknowledgeCheckpoint(checkpointId, finishedParts());
      return;
    }
    if (inputEnded && firstCheckpointAfterEnd == Long.MAX_VALUE) {
      firstCheckpointAfterEnd = checkpointId;
    }
    List<OperatorSnapshot> taken = snapshots.snapshot(checkpointId);
    chain.broadcastBarrier(checkpointId);
    snapshots.writeAsync(checkpointId, taken);
  }

  @Override
  public void run() {
    Thread.currentThread().setName("Eddy " + describe());
    gate.setOwner(Thread.currentThread());
    env.clock().addAdvanceListener(gate::notifyAvailable);
    MailboxProcessor processor = new MailboxProcessor(mailbox, gate, env::isCancelled);
    Throwable failure = null;
    try {
      if (finishedOnRestore) {
        runFinishedOnRestore();
        return;
      }
      chain.open();
      BarrierAligner aligner = new BarrierAligner(gate, () -> lastCheckpoint, this::performCheckpoint);
      StreamInputProcessor channels = new StreamInputProcessor(gate, chain, aligner, timeService);
      if (chain.head() instanceof SourceOperator<?> source) {
        sourceInput = new SourceInputProcessor(source, chain, timeService);
        processor.run(sourceInput);
      } else {
        processor.run(channels);
      }
      chain.finish();
      inputEnded = true;
      if (finalCheckpoint) {
        chain.flushAll();
        chain.endOfData();
        processor.run(new AwaitingFinalCheckpoint(channels));
      }
      env.terminating(this);
      terminated = true;
      mailbox.runAll();
      chain.endOfPartition();
    } catch (Throwable t) {
      failure = t;
    } finally {
      failure = chain.closeAll(failure);
      state.closeAll();
    }
    finished = true;
    if (failure != null) {
      env.fail(this, failure);
    } else {
      env.finished(this);
    }
  }

  /** The life of a task restored as finished: only the end of its output, then the task ends. */
  private void runFinishedOnRestore() {
    inputEnded = true;
    finalCheckpointDone = true;
    Throwable failure = null;
    try {
      chain.emitFinalWatermark();
      if (finalCheckpoint) {
        chain.endOfData();
      }
      env.terminating(this);
      terminated = true;
      mailbox.runAll();
      chain.endOfPartition();
    } catch (Throwable t) {
      failure = t;
    } finally {
      state.closeAll();
    }
    finished = true;
    if (failure != null) {
      env.fail(this, failure);
    } else {
      env.finished(this);
    }
  }

  /**
   * The default action after the end of input: only barriers and channel ends still arrive; ends
   * once a checkpoint taken since completed and every input channel ended.
   */
  private final class AwaitingFinalCheckpoint implements MailboxProcessor.DefaultAction {
    private final StreamInputProcessor channels;

    AwaitingFinalCheckpoint(StreamInputProcessor channels) {
      this.channels = channels;
    }

    @Override
    public InputStatus step() throws Exception {
      if (finalCheckpointDone && gate.isFinished()) {
        return InputStatus.END_OF_INPUT;
      }
      return channels.pollControl() ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public long idleWaitNanos() {
      return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100);
    }
  }
}
