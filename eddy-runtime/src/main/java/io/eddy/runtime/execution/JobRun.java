package io.eddy.runtime.execution;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import io.eddy.api.graph.Partitioning;
import io.eddy.runtime.checkpoint.CheckpointCoordinator;
import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.runtime.checkpoint.RestoredState;
import io.eddy.runtime.checkpoint.TaskAcknowledgement;
import io.eddy.runtime.graph.JobPlan;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamEdge;
import io.eddy.runtime.graph.StreamNode;
import io.eddy.runtime.io.Channel;
import io.eddy.runtime.io.InputGate;
import io.eddy.runtime.io.PointwiseConnections;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.tasks.OperatorException;
import io.eddy.runtime.tasks.Task;
import io.eddy.runtime.tasks.TaskEnvironment;
import io.eddy.runtime.time.Clock;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One attempt at running a job in this process: wires a channel for every producer/consumer
 * pair of every non-chained edge, starts one thread per task (restoring a checkpoint if given),
 * runs the checkpoint coordinator, and ends with the first failure (after cancelling every
 * other task) or when all tasks have finished. Restarts are {@link LocalJob}'s business.
 *
 * <p>Checkpoints after tasks finish (Flink's {@code
 * execution.checkpointing.checkpoints-after-tasks-finish}): a checkpoint triggers every task
 * still running whose upstream tasks have all terminated (the sources, at first), records the
 * terminated tasks with empty state, and reaches the others through barriers. Termination and
 * triggering exclude each other (this object's lock), so a task either gets the trigger or
 * barrier of a checkpoint in its mailbox or channels before it terminates, or is recorded as
 * terminated in it.
 */
final class JobRun implements TaskEnvironment, CheckpointParticipants, EndOfInputCommits {
  /** How long the end of a run waits for checkpoint files still being written. */
  private static final java.time.Duration CHECKPOINT_IO_GRACE = java.time.Duration.ofSeconds(60);

  private final JobPlan plan;
  private final Clock clock;
  private final int attempt;
  private final JobMetrics metrics;
  private final io.eddy.runtime.metrics.JobMetricGroup metricGroup;
  private final CheckpointStorage storage;
  private final RestoredState restored;
  private final CheckpointCoordinator coordinator;
  private final ExecutorService checkpointIo;
  private final Map<StreamEdge, Channel[][]> channels = new HashMap<>();
  private final List<Task> tasks = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private final AtomicInteger running = new AtomicInteger();
  private final List<PendingCommit<?>> endOfInputCommits = new ArrayList<>();
  private final Map<Long, java.util.concurrent.CountDownLatch> notified = new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, java.util.concurrent.CountDownLatch> eldest) {
      return size() > 8;
    }
  };
  private volatile boolean cancelled;
  private volatile boolean anyTaskFinished;
  private final boolean checkpointsAfterFinish;
  private final boolean finalCheckpoints;
  private final Map<InputGate, List<SubtaskKey>> producersOf = new HashMap<>();
  private final Map<Task, List<Task>> upstream = new HashMap<>();
  private final java.util.Set<Task> terminated = new java.util.HashSet<>();

  private record SubtaskKey(JobVertex vertex, int subtask) {}

  record Failure(String task, Throwable cause) {}

  record PendingCommit<C extends Serializable>(TwoPhaseCommittingSink<?, C> sink, List<C> committables)
      implements Serializable {
    void commit() throws Exception {
      try (var committer = sink.createCommitter()) {
        committer.commit(committables);
      }
    }
  }

  JobRun(JobPlan plan, Clock clock, int attempt, JobMetrics metrics, io.eddy.runtime.metrics.JobMetricGroup metricGroup,
      CheckpointStorage storage, RestoredState restored, long firstCheckpointId) {
    this.plan = plan;
    this.clock = clock;
    this.attempt = attempt;
    this.metrics = metrics;
    this.metricGroup = metricGroup;
    this.storage = storage;
    this.restored = restored;
    int taskCount = plan.vertices().stream().mapToInt(JobVertex::parallelism).sum();
    this.checkpointsAfterFinish = plan.configuration().get(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH);
    this.finalCheckpoints = checkpointsAfterFinish && !plan.configuration().get(CheckpointingOptions.INTERVAL).isZero();
    this.coordinator = new CheckpointCoordinator(storage, this, plan.configuration(),
        plan.jobName(), plan.maxParallelism(), taskCount, firstCheckpointId);
    this.checkpointIo = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "Eddy checkpoint I/O (" + plan.jobName() + ")");
      t.setDaemon(true);
      return t;
    });
  }

  /** Builds every task (copying user functions, restoring state; errors surface here) and starts them. */
  List<Task> tasks() {
    return tasks;
  }

  JobRun start() {
    int capacity = plan.configuration().get(CoreOptions.CHANNEL_CAPACITY);
    Map<JobVertex, InputGate[]> gates = new HashMap<>();
    for (JobVertex v : plan.vertices()) {
      InputGate[] g = new InputGate[v.parallelism()];
      for (int i = 0; i < g.length; i++) {
        g[i] = new InputGate();
      }
      gates.put(v, g);
    }
    for (JobVertex v : plan.vertices()) {
      for (StreamNode node : v.nodes()) {
        for (StreamEdge edge : node.outEdges()) {
          if (!edge.isChainable()) {
            wire(edge, gates.get(plan.vertexOf(edge.target())), capacity);
          }
        }
      }
    }
    Map<SubtaskKey, Task> byKey = new HashMap<>();
    try {
      for (JobVertex v : plan.vertices()) {
        for (int i = 0; i < v.parallelism(); i++) {
          Task task = new Task(this, v, i, gates.get(v)[i]);
          tasks.add(task);
          byKey.put(new SubtaskKey(v, i), task);
        }
      }
      for (JobVertex v : plan.vertices()) {
        for (int i = 0; i < v.parallelism(); i++) {
          List<Task> producers = new ArrayList<>();
          producersOf.getOrDefault(gates.get(v)[i], List.of()).forEach(k -> producers.add(byKey.get(k)));
          upstream.put(byKey.get(new SubtaskKey(v, i)), producers);
        }
      }
    } catch (RuntimeException e) {
      checkpointIo.shutdownNow();
      tasks.forEach(Task::releaseUnstarted);
      throw e;
    }
    for (Task task : tasks) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      threads.add(thread);
    }
    running.set(threads.size());
    threads.forEach(Thread::start);
    coordinator.start();
    return this;
  }

  private void wire(StreamEdge edge, InputGate[] targetGates, int capacity) {
    int producers = edge.source().parallelism();
    JobVertex producerVertex = plan.vertexOf(edge.source());
    int consumers = edge.target().parallelism();
    Channel[][] byProducer = new Channel[producers][];
    for (int p = 0; p < producers; p++) {
      if (edge.partitioning() instanceof Partitioning.Forward) {
        byProducer[p] = new Channel[] {targetGates[p].newChannel(capacity, edge.inputIndex(), edge + " " + p)};
      } else if (edge.partitioning() instanceof Partitioning.Rescale) {
        int[] targets = PointwiseConnections.consumersOf(p, producers, consumers);
        byProducer[p] = new Channel[targets.length];
        for (int i = 0; i < targets.length; i++) {
          byProducer[p][i] = targetGates[targets[i]].newChannel(capacity, edge.inputIndex(), edge + " " + p + "->" + targets[i]);
        }
      } else {
        byProducer[p] = new Channel[consumers];
        for (int c = 0; c < consumers; c++) {
          byProducer[p][c] = targetGates[c].newChannel(capacity, edge.inputIndex(), edge + " " + p + "->" + c);
        }
      }
    }
    channels.put(edge, byProducer);
    for (int p = 0; p < producers; p++) {
      for (Channel channel : byProducer[p]) {
        producersOf.computeIfAbsent(channel.consumer(), g -> new ArrayList<>()).add(new SubtaskKey(producerVertex, p));
      }
    }
  }

  @Override
  public Channel[] channels(StreamEdge edge, int subtask) {
    return channels.get(edge)[subtask];
  }

  @Override
  public Configuration configuration() {
    return plan.configuration();
  }

  @Override
  public int maxParallelism() {
    return plan.maxParallelism();
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public JobMetrics metrics() {
    return metrics;
  }

  @Override
  public io.eddy.runtime.metrics.JobMetricGroup metricGroup() {
    return metricGroup;
  }

  /**
   * Once the attempt has ended: the counters of every operator summed over its subtasks (keyed
   * {@code <operator name>.<counter>}, sub-groups joined by dots), then the tasks' metrics are
   * unregistered.
   */
  Map<String, Long> closeMetrics() {
    Map<String, Long> totals = new java.util.TreeMap<>();
    for (Task task : tasks) {
      task.metricGroup().addOperatorCounts(totals);
      task.metricGroup().close();
    }
    return totals;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public RestoredState restoredState() {
    return restored;
  }

  @Override
  public CheckpointStorage checkpointStorage(long checkpointId) {
    return coordinator.storageFor(checkpointId);
  }

  /** See {@link CheckpointCoordinator#triggerSavepoint}. */
  java.util.concurrent.CompletableFuture<CheckpointCoordinator.CompletedSavepoint> triggerSavepoint(CheckpointStorage target, boolean terminate) {
    return coordinator.triggerSavepoint(target, terminate);
  }

  @Override
  public java.util.concurrent.Executor checkpointIo() {
    return checkpointIo;
  }

  @Override
  public void acknowledgeCheckpoint(long checkpointId, List<TaskAcknowledgement> parts) {
    coordinator.acknowledge(checkpointId, parts);
  }

  @Override
  public void declineCheckpoint(long checkpointId, Throwable cause) {
    coordinator.decline(checkpointId, cause);
  }

  @Override
  public EndOfInputCommits endOfInputCommits() {
    return this;
  }

  @Override
  public synchronized <C extends Serializable> void add(TwoPhaseCommittingSink<?, C> sink, List<C> committables) {
    endOfInputCommits.add(new PendingCommit<>(sink, List.copyOf(committables)));
  }

  @Override
  public boolean finalCheckpointFollows() {
    return finalCheckpoints;
  }

  synchronized List<PendingCommit<?>> pendingEndOfInputCommits() {
    return List.copyOf(endOfInputCommits);
  }

  // --- checkpoint participants (called by the coordinator's thread) ---

  /**
   * Without periodic checkpoints tasks take no final checkpoint, and a two-phase-commit sink that
   * finished left its last transaction for the end of the job: a savepoint then would record
   * the sink empty and lose it, so it waits for no such sink to have finished.
   */
  @Override
  public synchronized boolean canCheckpoint() {
    return !cancelled && failure.get() == null
        && (checkpointsAfterFinish
            ? terminated.size() < tasks.size() && (finalCheckpoints || endOfInputCommits.isEmpty())
            : !anyTaskFinished);
  }

  @Override
  public synchronized boolean awaitsFinalCheckpoint() {
    if (!finalCheckpoints) {
      return false;
    }
    boolean waiting = false;
    for (Task task : tasks) {
      if (!terminated.contains(task) && !task.isInputEnded()) {
        return false;
      }
      waiting |= !terminated.contains(task) && task.awaitsFinalCheckpoint();
    }
    return waiting;
  }

  @Override
  public synchronized void triggerCheckpoint(long checkpointId, boolean thenSuspend) {
    for (Task task : tasks) {
      if (terminated.contains(task)) {
        coordinator.acknowledge(checkpointId, task.finishedParts());
      } else if (terminated.containsAll(upstream.get(task))) {
        task.triggerCheckpoint(checkpointId, thenSuspend);
      }
    }
  }

  @Override
  public synchronized void terminating(Task task) {
    terminated.add(task);
  }

  @Override
  public boolean takesFinalCheckpoints() {
    return finalCheckpoints;
  }

  @Override
  public synchronized void notifyComplete(long checkpointId) {
    List<Task> live = tasks.stream().filter(t -> !terminated.contains(t)).toList();
    synchronized (notified) {
      notified.put(checkpointId, new java.util.concurrent.CountDownLatch(live.size()));
    }
    live.forEach(t -> t.notifyCheckpointComplete(checkpointId));
  }

  @Override
  public void checkpointNotified(long checkpointId) {
    latch(checkpointId).countDown();
  }

  /** Waits until every task has handled the completion of checkpoint {@code checkpointId} (or the attempt ended). */
  void awaitNotified(long checkpointId) {
    java.util.concurrent.CountDownLatch latch = latch(checkpointId);
    try {
      while (!latch.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (failure.get() != null || cancelled) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private java.util.concurrent.CountDownLatch latch(long checkpointId) {
    synchronized (notified) {
      return notified.getOrDefault(checkpointId, new java.util.concurrent.CountDownLatch(0));
    }
  }

  @Override
  public void log(String message) {
    System.err.println("eddy: [" + plan.jobName() + "] " + message);
  }

  @Override
  public void completed(io.eddy.runtime.checkpoint.CompletedCheckpointStats stats) {
    metrics.increment("numCompletedCheckpoints");
    metrics.add("checkpointDurationSumMillis", stats.durationMillis());
    metrics.max("checkpointDurationMaxMillis", stats.durationMillis());
    StatsSummary durations = metrics.summary("checkpointDuration");
    durations.add(stats.durationMillis());
    metrics.set("checkpointDurationP50Millis", durations.quantile(0.50));
    metrics.set("checkpointDurationP99Millis", durations.quantile(0.99));
    metrics.max("checkpointBytesMax", stats.bytes());
    metrics.max("checkpointedBytesMax", stats.checkpointedBytes());
    metrics.set("lastCheckpointDuration", stats.durationMillis());
    metrics.set("lastCheckpointSize", stats.checkpointedBytes());
    metrics.set("lastCheckpointFullSize", stats.bytes());
  }

  @Override
  public void aborted(long checkpointId) {
    metrics.increment("numberOfFailedCheckpoints");
  }

  // --- task lifecycle ---

  @Override
  public void finished(Task task) {
    anyTaskFinished = true;
    running.decrementAndGet();
  }

  @Override
  public void fail(Task task, Throwable cause) {
    running.decrementAndGet();
    if (cause instanceof TaskCancelledException && cancelled) {
      return;
    }
    if (failure.compareAndSet(null, new Failure(task.describe(), cause))) {
      cancel();
    }
  }

  void cancel() {
    cancelled = true;
    for (Thread t : threads) {
      t.interrupt();
    }
  }

  boolean isDone() {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Waits for every task; returns the failure, or null if all finished. */
  Failure await() throws InterruptedException {
    try {
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      coordinator.close();
      awaitCheckpointIo();
    }
    return failure.get();
  }

  /**
   * Lets the state files of checkpoints still being written (one aborted because the job ended,
   * say) finish before the job is reported done, so nothing writes into the checkpoint folder after
   * the job returned or while the next attempt restores from it.
   */
  private void awaitCheckpointIo() throws InterruptedException {
    checkpointIo.shutdown();
    if (!checkpointIo.awaitTermination(CHECKPOINT_IO_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      checkpointIo.shutdownNow();
    }
  }

  List<io.eddy.runtime.checkpoint.CompletedCheckpointStats> completedCheckpoints() {
    return coordinator.completedCheckpoints();
  }

  long nextCheckpointId(long fallback) {
    return coordinator.nextCheckpointId();
  }

  String describe(Failure f) {
    String operator = null;
    for (Throwable t = f.cause(); t != null; t = t.getCause()) {
      if (t instanceof OperatorException oe) {
        operator = oe.operatorName();
        break;
      }
    }
    return "Job '" + plan.jobName() + "' failed: " + (operator != null ? "operator '" + operator + "' in " : "")
        + "task " + f.task() + " threw " + rootCause(f.cause());
  }

  /** The user's exception, without the runtime's wrappers. */
  static Throwable rootCause(Throwable t) {
    while (t instanceof OperatorException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
