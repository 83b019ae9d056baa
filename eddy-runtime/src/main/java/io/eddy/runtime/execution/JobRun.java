package io.eddy.runtime.execution;

import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.graph.Partitioning;
import io.eddy.runtime.graph.JobPlan;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamEdge;
import io.eddy.runtime.graph.StreamNode;
import io.eddy.runtime.io.Channel;
import io.eddy.runtime.io.InputGate;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.tasks.OperatorException;
import io.eddy.runtime.tasks.Task;
import io.eddy.runtime.tasks.TaskEnvironment;
import io.eddy.runtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One execution of a job in this process: wires a channel for every producer/consumer pair of
 * every non-chained edge, starts one thread per task, and reports the first failure (after
 * cancelling every other task) or success when all tasks end.
 */
public final class JobRun implements JobClient, TaskEnvironment {
  private final JobPlan plan;
  private final Clock clock;
  private final JobMetrics metrics = new JobMetrics();
  private final Map<StreamEdge, Channel[][]> channels = new HashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private volatile boolean cancelled;
  private volatile boolean cancelledByUser;
  private long startNanos;

  private record Failure(String task, Throwable cause) {}

  public JobRun(JobPlan plan, Clock clock) {
    this.plan = plan;
    this.clock = clock;
  }

  /** Builds every task (copying user functions; errors surface here) and starts them. */
  public JobRun start() {
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
    List<Task> tasks = new ArrayList<>();
    for (JobVertex v : plan.vertices()) {
      for (int i = 0; i < v.parallelism(); i++) {
        tasks.add(new Task(this, v, i, gates.get(v)[i]));
      }
    }
    startNanos = System.nanoTime();
    for (Task task : tasks) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    return this;
  }

  private void wire(StreamEdge edge, InputGate[] targetGates, int capacity) {
    int producers = edge.source().parallelism();
    int consumers = edge.target().parallelism();
    Channel[][] byProducer = new Channel[producers][];
    for (int p = 0; p < producers; p++) {
      if (edge.partitioning() instanceof Partitioning.Forward) {
        byProducer[p] = new Channel[] {targetGates[p].newChannel(capacity, edge.inputIndex(), edge + " " + p)};
      } else {
        byProducer[p] = new Channel[consumers];
        for (int c = 0; c < consumers; c++) {
          byProducer[p][c] = targetGates[c].newChannel(capacity, edge.inputIndex(), edge + " " + p + "->" + c);
        }
      }
    }
    channels.put(edge, byProducer);
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
    return 0;
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
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public void fail(Task task, Throwable cause) {
    if (cause instanceof TaskCancelledException && cancelled) {
      return;
    }
    if (failure.compareAndSet(null, new Failure(task.describe(), cause))) {
      cancelAll();
    }
  }

  private void cancelAll() {
    cancelled = true;
    for (Thread t : threads) {
      t.interrupt();
    }
  }

  @Override
  public void cancel() {
    cancelledByUser = true;
    cancelAll();
  }

  @Override
  public boolean isDone() {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public JobExecutionResult await() throws JobExecutionException, InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
    Failure f = failure.get();
    if (f != null) {
      throw new JobExecutionException(describe(f), rootCause(f.cause));
    }
    if (cancelledByUser) {
      throw new JobExecutionException("Job '" + plan.jobName() + "' was cancelled", null);
    }
    return new JobExecutionResult(plan.jobName(), Duration.ofNanos(System.nanoTime() - startNanos),
        metrics.snapshot(), metrics.skippedRecords());
  }

  private String describe(Failure f) {
    String operator = null;
    for (Throwable t = f.cause; t != null; t = t.getCause()) {
      if (t instanceof OperatorException oe) {
        operator = oe.operatorName();
        break;
      }
    }
    Throwable root = rootCause(f.cause);
    return "Job '" + plan.jobName() + "' failed: " + (operator != null ? "operator '" + operator + "' in " : "")
        + "task " + f.task + " threw " + root;
  }

  /** The user's exception, without the runtime's wrappers. */
  private static Throwable rootCause(Throwable t) {
    while (t instanceof OperatorException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
