package io.eddy.runtime.tasks;

import io.eddy.api.config.CoreOptions;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.Source;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.graph.Partitioning;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.runtime.checkpoint.OperatorSnapshot;
import io.eddy.runtime.checkpoint.RestoredState;
import io.eddy.runtime.checkpoint.StateFile;
import io.eddy.runtime.checkpoint.StateHandle;
import io.eddy.runtime.checkpoint.TaskAcknowledgement;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamEdge;
import io.eddy.runtime.graph.StreamNode;
import io.eddy.runtime.io.Channel;
import io.eddy.runtime.io.ControlEvent;
import io.eddy.runtime.io.InputGate;
import io.eddy.runtime.io.Partitioner;
import io.eddy.runtime.io.RecordBatch;
import io.eddy.runtime.io.RecordWriter;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.io.WatermarkValve;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.OperatorFactory;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.TwoInputOperator;
import io.eddy.runtime.time.ProcessingTimeService;
import io.eddy.state.KeyGroupRangeAssignment;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.StateBackendFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One subtask of one chain, on its own thread: reads its input gate (or its source), pushes
 * records through the chained operators, and writes to the channels of the next tasks.
 * Everything of the subtask (records, watermarks, timers, checkpoints) happens on this thread,
 * so operator code needs no locks; other threads talk to it through its mailbox.
 *
 * <p>Checkpoints: a source task snapshots when the coordinator's trigger mail arrives; other
 * tasks when the barrier has arrived on every input channel (a channel that delivered it is
 * blocked meanwhile, so no record after the barrier slips into the snapshot). The snapshot is
 * taken synchronously, the barrier forwarded, and the state files written on the checkpoint
 * I/O pool, after which the task acknowledges.
 *
 * <p>End of input (Flink's final checkpoint, with {@code
 * execution.checkpointing.checkpoints-after-tasks-finish} and checkpointing on): the task
 * finishes its operators, sends EndOfData, and keeps taking part in checkpoints until one taken
 * after it finished has completed (two-phase-commit sinks commit their last transaction then)
 * and every input channel has ended; then it reports itself terminated, answers the checkpoints
 * still asked of it with empty state, and sends EndOfPartition. Without final checkpoints it
 * sends EndOfPartition at once.
 */
public final class Task implements Runnable {
  private final TaskEnvironment env;
  private final JobVertex vertex;
  private final int subtask;
  private final InputGate gate;
  private final ProcessingTimeService timeService;
  private final List<StreamOperator> operators = new ArrayList<>();
  private final List<RecordWriter> writers = new ArrayList<>();
  private final Map<StreamNode, KeyedStateBackend<Object>> backends = new HashMap<>();
  private final ConcurrentLinkedQueue<ThrowingRunnable> mailbox = new ConcurrentLinkedQueue<>();
  private volatile boolean finished;
  private final boolean finalCheckpoint;
  /** Set once the operators have finished (end of input); read by the job's thread. */
  private volatile boolean inputEnded;
  private long firstCheckpointAfterEnd = Long.MAX_VALUE;
  private volatile boolean finalCheckpointDone;
  private boolean terminated;
  private long lastCheckpoint = -1;
  private boolean suspended;
  private long aligningCheckpoint = -1;
  private int barriersReceived;
  private final StreamOperator head;
  private final long bufferTimeoutNanos;
  private int[] channelInput;
  private int[] channelSlot;
  private WatermarkValve[] valves;
  private long lastFlush = System.nanoTime();

  public Task(TaskEnvironment env, JobVertex vertex, int subtask, InputGate gate) {
    this.env = env;
    this.vertex = vertex;
    this.subtask = subtask;
    this.gate = gate;
    this.timeService = new ProcessingTimeService(env.clock());
    this.bufferTimeoutNanos = env.configuration().get(CoreOptions.BUFFER_TIMEOUT).toNanos();
    this.finalCheckpoint = env.takesFinalCheckpoints();
    Map<StreamNode, StreamOperator> built = new HashMap<>();
    List<StreamNode> nodes = vertex.nodes();
    try {
      for (int i = nodes.size() - 1; i >= 0; i--) {
        StreamNode node = nodes.get(i);
        built.put(node, build(node, outputOf(node, built)));
      }
    } catch (RuntimeException | Error e) {
      closeBackends();
      throw e;
    }
    for (StreamNode node : nodes) {
      operators.add(built.get(node));
    }
    this.head = operators.get(0);
  }

  /** Closes the state backends of a task that will never run (its job failed to start). */
  public void releaseUnstarted() {
    closeBackends();
  }

  /** True once the task has finished its operators at the end of its input. */
  public boolean isInputEnded() {
    return inputEnded;
  }

  /** True while the task has finished its operators and no checkpoint taken since has completed. */
  public boolean awaitsFinalCheckpoint() {
    return inputEnded && !finalCheckpointDone;
  }

  public String describe() {
    return "'" + vertex.name() + "' (subtask " + (subtask + 1) + "/" + vertex.parallelism() + ")";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private StreamOperator build(StreamNode node, Output<Object> output) {
    String what = "The function of operator '" + node.name() + "'";
    OperatorContext context = new OperatorContext(
        new TaskInfo(node.name(), subtask, node.parallelism(), node.maxParallelism(), env.attempt()),
        timeService, keyedBackend(node), env.metrics(), restoredLists(node), env.endOfInputCommits(),
        work -> mail(() -> runNamed(node.name(), work)));
    long wmInterval = env.configuration().get(CoreOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    return switch (node.kind()) {
      case SOURCE -> new SourceOperator<Object>(context, output, (Source) Serialization.copy(node.source(), what),
          (WatermarkStrategy) Serialization.copy(node.watermarkStrategy(), what), wmInterval);
      case ONE_INPUT -> OperatorFactory.oneInput(Serialization.copy(node.spec(), what), context, output,
          (KeySelector) Serialization.copy(node.keySelector1(), what), wmInterval);
      case TWO_INPUT -> OperatorFactory.twoInput(Serialization.copy(node.spec(), what), context, output,
          (KeySelector) Serialization.copy(node.keySelector1(), what), (KeySelector) Serialization.copy(node.keySelector2(), what));
      case SINK -> OperatorFactory.sink(Serialization.copy(node.sink(), what), context);
    };
  }

  private KeyedStateBackend<Object> keyedBackend(StreamNode node) {
    if (node.keySelector1() == null && node.keySelector2() == null) {
      return null;
    }
    String type = env.configuration().get(CoreOptions.STATE_BACKEND);
    KeyedStateBackend<Object> backend = StateBackendFactory.load(type).createKeyedBackend(node.stateId(),
        KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(node.maxParallelism(), node.parallelism(), subtask),
        node.maxParallelism(), env.configuration());
    backends.put(node, backend);
    RestoredState restored = env.restoredState();
    if (restored != null) {
      try {
        restored.restoreKeyed(node.stateId(), backend);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot restore keyed state of '" + node.name() + "' from checkpoint "
            + restored.checkpointId() + ": " + e.getMessage(), e);
      }
    }
    return backend;
  }

  private Map<String, List<Object>> restoredLists(StreamNode node) {
    RestoredState restored = env.restoredState();
    if (restored == null) {
      return null;
    }
    try {
      return restored.lists(node.stateId(), subtask, node.parallelism());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot restore state of '" + node.name() + "' from checkpoint "
          + restored.checkpointId() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Asks this (source) task to take checkpoint {@code id}; with {@code thenSuspend} it emits
   * nothing after the barrier (stop-with-savepoint) until it is cancelled. Called from the
   * coordinator's thread.
   */
  public void triggerCheckpoint(long checkpointId, boolean thenSuspend) {
    mail(() -> {
      performCheckpoint(checkpointId);
      if (thenSuspend) {
        flushAll();
        suspended = true;
      }
    });
  }

  /** Tells the operators that checkpoint {@code id} is complete; called from the coordinator's thread. */
  public void notifyCheckpointComplete(long checkpointId) {
    mail(() -> {
      for (StreamOperator op : operators) {
        call(op, () -> op.notifyCheckpointComplete(checkpointId));
      }
      for (KeyedStateBackend<Object> backend : backends.values()) {
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
      mail(() -> {
        throw failure.get();
      });
    }
  }

  private void mail(ThrowingRunnable action) {
    mailbox.add(action);
    gate.notifyAvailable();
  }

  private void processMail() throws Exception {
    ThrowingRunnable action;
    while ((action = mailbox.poll()) != null) {
      action.run();
    }
  }

  private void performCheckpoint(long checkpointId) throws Exception {
    if (checkpointId <= lastCheckpoint) {
      return;
    }
    lastCheckpoint = checkpointId;
    if (terminated) {
      for (RecordWriter writer : writers) {
        writer.broadcastBarrier(checkpointId);
      }
      env.acknowledgeCheckpoint(checkpointId, List.of());
      return;
    }
    if (inputEnded && firstCheckpointAfterEnd == Long.MAX_VALUE) {
      firstCheckpointAfterEnd = checkpointId;
    }
    List<StreamNode> nodes = vertex.nodes();
    List<OperatorSnapshot> snapshots = new ArrayList<>(nodes.size());
    boolean savepoint = env.checkpointStorage(checkpointId).isSavepoint();
    for (int i = 0; i < nodes.size(); i++) {
      StreamOperator op = operators.get(i);
      Map<String, List<Object>> lists = new HashMap<>();
      call(op, () -> lists.putAll(op.snapshotOperatorState(checkpointId)));
      KeyedStateBackend<Object> backend = backends.get(nodes.get(i));
      snapshots.add(new OperatorSnapshot(backend == null ? null
          : savepoint ? backend.savepoint(checkpointId) : backend.snapshot(checkpointId), lists));
    }
    for (RecordWriter writer : writers) {
      writer.broadcastBarrier(checkpointId);
    }
    env.checkpointIo().execute(() -> writeCheckpoint(checkpointId, snapshots));
  }

  /** The asynchronous part: writes the state files, then acknowledges (or declines). */
  private void writeCheckpoint(long checkpointId, List<OperatorSnapshot> snapshots) {
    List<TaskAcknowledgement> parts = new ArrayList<>();
    List<StreamNode> nodes = vertex.nodes();
    int written = 0;
    try {
      for (; written < nodes.size(); written++) {
        StreamNode node = nodes.get(written);
        OperatorSnapshot snapshot = snapshots.get(written);
        if (snapshot.isEmpty()) {
          if (snapshot.keyed() != null) {
            snapshot.keyed().release();
          }
          continue;
        }
        CheckpointStorage target = env.checkpointStorage(checkpointId);
        KeyedStateBackend<Object> backend = backends.get(node);
        String path = target.newStatePath(checkpointId, node.stateId(), subtask);
        long size = StateFile.write(target.fileSystem(), path,
            backend == null ? "" : backend.backendType(), snapshot);
        parts.add(new TaskAcknowledgement(node.stateId(), node.name(), node.parallelism(),
            new StateHandle(subtask, path, size, snapshot.keyed() == null ? null : snapshot.keyed().keyGroupRange())));
      }
      env.acknowledgeCheckpoint(checkpointId, parts);
    } catch (Throwable t) {
      for (int i = written + 1; i < snapshots.size(); i++) {
        if (snapshots.get(i).keyed() != null) {
          snapshots.get(i).keyed().release();
        }
      }
      env.declineCheckpoint(checkpointId, t);
    }
  }

  /** A barrier arrived on a channel: block it, and checkpoint once every live channel delivered one. */
  private void onBarrier(int channel, long checkpointId) throws Exception {
    if (checkpointId <= lastCheckpoint) {
      return;
    }
    if (checkpointId != aligningCheckpoint) {
      gate.unblockAll();
      aligningCheckpoint = checkpointId;
      barriersReceived = 0;
    }
    gate.block(channel);
    barriersReceived++;
    completeAlignmentIfDone();
  }

  private void completeAlignmentIfDone() throws Exception {
    if (aligningCheckpoint >= 0 && barriersReceived >= gate.liveChannelCount()) {
      long id = aligningCheckpoint;
      aligningCheckpoint = -1;
      gate.unblockAll();
      performCheckpoint(id);
    }
  }

  @SuppressWarnings("unchecked")
  private Output<Object> outputOf(StreamNode node, Map<StreamNode, StreamOperator> built) {
    List<Output<Object>> main = new ArrayList<>();
    Map<OutputTag<?>, List<Output<Object>>> side = new LinkedHashMap<>();
    for (StreamEdge edge : node.outEdges()) {
      Output<Object> out = edge.isChainable()
          ? new ChainingOutput((OneInputOperator<Object>) built.get(edge.target()))
          : writer(edge);
      if (edge.tag() == null) {
        main.add(out);
      } else {
        side.computeIfAbsent(edge.tag(), t -> new ArrayList<>()).add(out);
      }
    }
    if (side.isEmpty() && main.size() == 1) {
      return main.get(0);
    }
    return new RoutingOutput(main, side);
  }

  @SuppressWarnings("unchecked")
  private RecordWriter writer(StreamEdge edge) {
    Channel[] channels = env.channels(edge, subtask);
    Partitioner partitioner = switch (edge.partitioning()) {
      case Partitioning.Forward f -> new Partitioner.Forward();
      case Partitioning.Rebalance r -> new Partitioner.Rebalance(channels.length, subtask);
      case Partitioning.Rescale r -> new Partitioner.Rebalance(channels.length, 0);
      case Partitioning.Shuffle s -> new Partitioner.Shuffle(channels.length);
      case Partitioning.Global g -> new Partitioner.Global();
      case Partitioning.Broadcast b -> new Partitioner.Broadcast();
      case Partitioning.Keyed k -> new Partitioner.Keyed(
          (KeySelector<Object, ?>) Serialization.copy(k.keySelector(), "The key selector of keyBy"),
          edge.target().maxParallelism(), edge.target().parallelism());
      case Partitioning.Custom c -> new Partitioner.Custom(
          (io.eddy.api.functions.Partitioner<Object>) Serialization.copy(c.partitioner(), "The partitioner of partitionCustom"),
          (KeySelector<Object, ?>) Serialization.copy(c.keySelector(), "The key selector of partitionCustom"),
          channels.length);
    };
    RecordWriter writer = new RecordWriter(channels, partitioner, env.configuration().get(CoreOptions.BATCH_SIZE));
    writers.add(writer);
    return writer;
  }

  @Override
  public void run() {
    Thread.currentThread().setName("Eddy " + describe());
    gate.setOwner(Thread.currentThread());
    env.clock().addAdvanceListener(gate::notifyAvailable);
    Throwable failure = null;
    try {
      for (int i = operators.size() - 1; i >= 0; i--) {
        StreamOperator op = operators.get(i);
        call(op, op::open);
      }
      if (head instanceof SourceOperator<?> source) {
        runSource(source);
      } else {
        runInput();
      }
      for (StreamOperator op : operators) {
        call(op, op::finish);
      }
      inputEnded = true;
      if (finalCheckpoint) {
        flushAll();
        for (RecordWriter writer : writers) {
          writer.endOfData();
        }
        awaitFinalCheckpoint();
      }
      for (RecordWriter writer : writers) {
        writer.endOfPartition();
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      for (StreamOperator op : operators) {
        try {
          op.close();
        } catch (Throwable t) {
          if (failure == null) {
            failure = new OperatorException(op.name(), t);
          }
        }
      }
      closeBackends();
    }
    finished = true;
    if (failure != null) {
      env.fail(this, failure);
    } else {
      env.finished(this);
    }
  }

  /**
   * Closes the keyed state backends with the thread's interrupt cleared for the time of it: a
   * cancelled task is interrupted, and a backend's I/O (an S3 request, a file channel) would
   * abort on it and leave its files behind.
   */
  private void closeBackends() {
    boolean interrupted = Thread.interrupted();
    for (KeyedStateBackend<Object> backend : backends.values()) {
      try {
        backend.close();
      } catch (RuntimeException e) {
        System.err.println("eddy: cannot close the state backend of a task: " + e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs operator code, naming the operator in whatever it throws. */
  private static void call(StreamOperator op, ThrowingRunnable action) {
    try {
      action.run();
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(op.name(), e);
    }
  }

  /** Runs an operator's mail, naming the operator in whatever it throws. */
  private static void runNamed(String operatorName, Runnable work) {
    try {
      work.run();
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new OperatorException(operatorName, e);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void runSource(SourceOperator<?> source) throws Exception {
    int iteration = 0;
    while (true) {
      checkCancelled();
      if (!mailbox.isEmpty()) {
        processMail();
      }
      if (suspended) {
        gate.await(TimeUnit.MILLISECONDS.toNanos(10));
        continue;
      }
      if ((++iteration & 127) == 0) {
        timeService.fireDue();
        flushOnTimeout();
      }
      InputStatus status;
      try {
        status = source.emitNext();
      } catch (OperatorException | TaskCancelledException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(source.name(), e);
      }
      if (status == InputStatus.END_OF_INPUT) {
        return;
      }
      if (status == InputStatus.NOTHING_AVAILABLE) {
        flushAll();
        timeService.fireDue();
        gate.await(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  /**
   * After the end of input: takes part in checkpoints until one taken since has completed and
   * every input channel has ended, then reports the task terminated and answers what was asked
   * of it before that with empty state.
   */
  private void awaitFinalCheckpoint() throws Exception {
    while (!finalCheckpointDone || !gate.isFinished()) {
      checkCancelled();
      if (!mailbox.isEmpty()) {
        processMail();
      }
      Object element = gate.poll();
      if (element == null) {
        gate.await(TimeUnit.MILLISECONDS.toNanos(100));
      } else {
        dispatch(element, gate.lastChannel());
      }
    }
    env.terminating(this);
    terminated = true;
    processMail();
  }

  private void runInput() throws Exception {
    setUpValves();
    while (!gate.isDataEnded()) {
      checkCancelled();
      if (!mailbox.isEmpty()) {
        processMail();
      }
      timeService.fireDue();
      Object element = gate.poll();
      if (element == null) {
        flushAll();
        long next = timeService.nextTime();
        long waitMillis = next == Long.MAX_VALUE ? 100 : Math.max(0, next - timeService.now());
        gate.await(TimeUnit.MILLISECONDS.toNanos(waitMillis));
        continue;
      }
      try {
        dispatch(element, gate.lastChannel());
      } catch (OperatorException | TaskCancelledException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorException(head.name(), e);
      }
      flushOnTimeout();
    }
  }

  @SuppressWarnings("unchecked")
  private void setUpValves() {
    int channels = gate.channelCount();
    channelInput = new int[channels];
    channelSlot = new int[channels];
    int[] perInput = new int[2];
    for (int c = 0; c < channels; c++) {
      int input = gate.channel(c).inputIndex();
      channelInput[c] = input;
      channelSlot[c] = perInput[input]++;
    }
    valves = new WatermarkValve[2];
    if (head instanceof TwoInputOperator<?, ?> two) {
      TwoInputOperator<Object, Object> op = (TwoInputOperator<Object, Object>) two;
      valves[0] = new WatermarkValve(perInput[0], listener(op::processWatermark1, op::processIdle1));
      valves[1] = new WatermarkValve(perInput[1], listener(op::processWatermark2, op::processIdle2));
    } else {
      OneInputOperator<Object> op = (OneInputOperator<Object>) head;
      valves[0] = new WatermarkValve(perInput[0], listener(op::processWatermark, op::processIdle));
    }
  }

  private interface LongAction {
    void accept(long value) throws Exception;
  }

  private interface BoolAction {
    void accept(boolean value) throws Exception;
  }

  private static WatermarkValve.Listener listener(LongAction onWatermark, BoolAction onIdle) {
    return new WatermarkValve.Listener() {
      @Override public void onWatermark(long watermark) throws Exception { onWatermark.accept(watermark); }
      @Override public void onIdle(boolean idle) throws Exception { onIdle.accept(idle); }
    };
  }

  @SuppressWarnings("unchecked")
  private void dispatch(Object element, int channel) throws Exception {
    int input = channelInput[channel];
    if (element instanceof RecordBatch batch) {
      if (head instanceof OneInputOperator<?> one) {
        OneInputOperator<Object> op = (OneInputOperator<Object>) one;
        for (int i = 0, n = batch.size(); i < n; i++) {
          op.processElement(batch.value(i), batch.timestamp(i));
        }
      } else {
        TwoInputOperator<Object, Object> op = (TwoInputOperator<Object, Object>) head;
        for (int i = 0, n = batch.size(); i < n; i++) {
          if (input == 0) {
            op.processElement1(batch.value(i), batch.timestamp(i));
          } else {
            op.processElement2(batch.value(i), batch.timestamp(i));
          }
        }
      }
    } else if (element instanceof ControlEvent.WatermarkEvent w) {
      valves[input].onWatermark(channelSlot[channel], w.watermark());
    } else if (element instanceof ControlEvent.IdleEvent idle) {
      valves[input].onIdle(channelSlot[channel], idle.idle());
    } else if (element instanceof ControlEvent.Barrier barrier) {
      onBarrier(channel, barrier.checkpointId());
    } else if (element instanceof ControlEvent.EndOfData) {
      gate.markDataEnded(channel);
    } else if (element instanceof ControlEvent.EndOfPartition) {
      gate.markFinished(channel);
      completeAlignmentIfDone();
    }
  }

  private void flushOnTimeout() {
    long now = System.nanoTime();
    if (now - lastFlush >= bufferTimeoutNanos) {
      flushAll();
    }
  }

  private void flushAll() {
    lastFlush = System.nanoTime();
    for (RecordWriter writer : writers) {
      writer.flush();
    }
  }

  private void checkCancelled() {
    if (env.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new TaskCancelledException();
    }
  }
}
