package io.eddy.runtime.testing;

import io.eddy.api.functions.TaskInfo;
import io.eddy.runtime.execution.JobMetrics;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.metrics.MetricRegistry;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.tasks.Serialization;
import io.eddy.runtime.time.ManualClock;
import io.eddy.runtime.time.ProcessingTimeService;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.state.KeyGroupStreamSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The parts every harness shares: clock, timers, backend, output and their queries. */
abstract class HarnessSupport<OUT> implements AutoCloseable {
  static final int MAX_PARALLELISM = 128;

  protected final ManualClock clock = new ManualClock(0);
  protected final ProcessingTimeService timeService = new ProcessingTimeService(clock);
  protected final JobMetrics metrics = new JobMetrics();
  protected final HarnessOutput output = new HarnessOutput();
  protected HeapKeyedStateBackend<Object> backend;
  /** Mail that operators handed to the task thread; runs in {@link #processMail()}. */
  private final ConcurrentLinkedQueue<Runnable> mails = new ConcurrentLinkedQueue<>();
  /** Whether operators get the asynchronous execution model (execution.async-state.enabled). */
  protected boolean asyncState;
  /** The job configuration operators see (what they read of it, such as cache sizes). */
  protected final io.eddy.api.config.Configuration jobConfiguration = new io.eddy.api.config.Configuration();

  protected OperatorContext context(String name, boolean keyed) {
    return context(name, keyed, null);
  }

  /** A fresh context, or one restored from a snapshot (keyed state and operator lists). */
  protected OperatorContext context(String name, boolean keyed, HarnessSnapshot restoreFrom) {
    backend = keyed ? new HeapKeyedStateBackend<>(KeyGroupRange.of(0, MAX_PARALLELISM - 1), MAX_PARALLELISM) : null;
    if (restoreFrom != null && backend != null) {
      try {
        for (Map.Entry<Integer, byte[]> keyGroup : restoreFrom.keyGroups().entrySet()) {
          backend.restoreKeyGroup(keyGroup.getKey(), new DataInputStream(new ByteArrayInputStream(keyGroup.getValue())));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot restore the harness's keyed state from its snapshot", e);
      }
    }
    Map<String, List<Object>> restoredLists = restoreFrom == null ? null : restoreFrom.operatorLists();
    return new OperatorContext(new TaskInfo(name, 0, 1, MAX_PARALLELISM, 0), timeService, backend, metrics, restoredLists,
        new io.eddy.runtime.execution.EndOfInputCommits() {
          @Override
          public <C extends java.io.Serializable> void add(io.eddy.api.connector.TwoPhaseCommittingSink<?, C> sink,
              java.util.List<C> committables) {}

          @Override
          public boolean finalCheckpointFollows() {
            return false;
          }
        }, new io.eddy.runtime.asyncprocessing.MailboxExecutor() {
          @Override
          public void execute(Runnable mail, String description) {
            mails.add(mail);
          }

          @Override
          public void yield() throws InterruptedException {
            while (!tryYield()) {
              if (Thread.interrupted()) {
                throw new InterruptedException();
              }
              java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
          }

          @Override
          public boolean tryYield() {
            Runnable mail = mails.poll();
            if (mail == null) {
              return false;
            }
            mail.run();
            return true;
          }
        },
        MetricRegistry.unscheduled().jobGroup("harness", "harness").addTask(name, 0, 0)
            .addOperator(name, name, InternalOperatorMetricGroup.Inputs.ONE),
        new io.eddy.api.config.Configuration(jobConfiguration.toMap()),
        io.eddy.runtime.asyncprocessing.AsyncStateSettings.from(new io.eddy.api.config.Configuration()), asyncState);
  }

  /**
   * Takes checkpoint {@code checkpointId} of the operator the way a task does: the keyed
   * backend's snapshot written out per key group, and the operator's state lists (serialized).
   */
  protected HarnessSnapshot snapshotOf(StreamOperator operator, long checkpointId) throws Exception {
    // Operator state first, as the task does: an asynchronous operator drains its in-flight work there.
    Map<String, List<Object>> lists = new HashMap<>(copy(new HashMap<>(operator.snapshotOperatorState(checkpointId))));
    Map<Integer, byte[]> keyGroups = new TreeMap<>();
    if (backend != null) {
      KeyGroupStreamSnapshot snapshot = (KeyGroupStreamSnapshot) backend.snapshot(checkpointId);
      try {
        for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            snapshot.writeKeyGroup(kg, out);
          }
          keyGroups.put(kg, bytes.toByteArray());
        }
      } finally {
        snapshot.release();
      }
    }
    return new HarnessSnapshot(keyGroups, lists);
  }

  /** Every subtask gets a serialized copy of the function; so does the operator under test. */
  protected static <T> T copy(T spec) {
    return Serialization.copy(spec, "The function under test");
  }

  /**
   * Runs the mail operators handed to the task thread (e.g. completed async requests), as a task
   * does between records; returns how many ran.
   */
  public int processMail() {
    int ran = 0;
    Runnable mail;
    while ((mail = mails.poll()) != null) {
      mail.run();
      ran++;
    }
    return ran;
  }

  /**
   * The processing-time clock. Moving it only makes time pass (timers fire at the next {@link
   * #setProcessingTime}, or where the operator looks at the clock itself); unlike the harness it
   * may be moved from another thread, e.g. while the harness's thread waits inside the operator.
   */
  public ManualClock clock() {
    return clock;
  }

  /** Moves processing time and fires the timers that became due. */
  public void setProcessingTime(long time) throws Exception {
    clock.setTime(time);
    timeService.fireDue();
  }

  /** The records emitted so far on the main output, in order (watermarks left out). */
  @SuppressWarnings("unchecked")
  public List<OUT> output() {
    List<OUT> values = new ArrayList<>();
    for (HarnessOutput.Emitted e : output.main) {
      if (!e.isWatermark()) {
        values.add((OUT) e.value());
      }
    }
    return values;
  }

  /** The records (as values) and watermarks (as {@link Watermark}s) emitted so far, in order. */
  public List<Object> outputWithWatermarks() {
    List<Object> elements = new ArrayList<>();
    for (HarnessOutput.Emitted e : output.main) {
      elements.add(e.isWatermark() ? new Watermark(e.timestamp()) : e.value());
    }
    return elements;
  }

  /** The timestamps of the records emitted so far, in order. */
  public List<Long> outputTimestamps() {
    List<Long> ts = new ArrayList<>();
    for (HarnessOutput.Emitted e : output.main) {
      if (!e.isWatermark()) {
        ts.add(e.timestamp());
      }
    }
    return ts;
  }

  /** The watermarks forwarded so far, in order. */
  public List<Long> watermarks() {
    List<Long> wms = new ArrayList<>();
    for (HarnessOutput.Emitted e : output.main) {
      if (e.isWatermark()) {
        wms.add(e.timestamp());
      }
    }
    return wms;
  }

  @SuppressWarnings("unchecked")
  public <X> List<X> sideOutput(io.eddy.api.datastream.OutputTag<X> tag) {
    List<X> values = new ArrayList<>();
    for (HarnessOutput.Emitted e : output.side.getOrDefault(tag, List.of())) {
      values.add((X) e.value());
    }
    return values;
  }

  public long counter(String name) {
    return metrics.snapshot().getOrDefault(name, 0L);
  }

  /** Forgets what was emitted so far. */
  public void clearOutput() {
    output.main.clear();
    output.side.clear();
  }
}
