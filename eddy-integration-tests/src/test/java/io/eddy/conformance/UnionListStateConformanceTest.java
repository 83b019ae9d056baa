package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.RichFlatMapFunction;
import io.eddy.api.state.CheckpointedFunction;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.it.FailAfterCheckpoint;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Union list state as Flink defines it: on restore every subtask gets the entries that all
 * subtasks checkpointed, also at another parallelism. The job drops repeated ids with a
 * non-keyed function whose seen ids are union list state; every id occurs twice in the input,
 * on the same source subtask, but after a rescale the second occurrence can reach a subtask
 * that never saw the first, so only the union keeps the output exactly one line per id.
 */
@Timeout(120)
class UnionListStateConformanceTest {
  private static final long EVENTS = 10_000;
  private static final long IDS = EVENTS / 2;
  /** How many entries each restored subtask found in the union list, per restore. */
  private static final Queue<Integer> RESTORED_SIZES = new ConcurrentLinkedQueue<>();

  @TempDir
  Path dir;

  /** Emits each id the first time it is seen; the ids seen so far are union list state. */
  static final class Dedup extends RichFlatMapFunction<Event, String> implements CheckpointedFunction {
    private transient ListState<Long> checkpointed;
    private transient Set<Long> seen;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      checkpointed = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("seen", Long.class));
      seen = new HashSet<>();
      int entries = 0;
      for (Long id : checkpointed.get()) {
        seen.add(id);
        entries++;
      }
      if (context.isRestored()) {
        RESTORED_SIZES.add(entries);
      }
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
      checkpointed.update(new ArrayList<>(seen));
    }

    @Override
    public void flatMap(Event e, Collector<String> out) {
      long id = e.value() % IDS;
      if (seen.add(id)) {
        out.collect(String.valueOf(id));
      }
    }
  }

  static JobExecutionResult run(StreamEnvironment env, ExactlyOnceSink<String> sink) throws Exception {
    env.fromSource(new TestEventSource(EVENTS, 8), WatermarkStrategy.noWatermarks(), "events")
        .map(new Throttle<>(5)).name("throttle")
        .map(new FailAfterCheckpoint()).name("failures")
        .flatMap(new Dedup()).uid("dedup")
        .sinkTo(sink);
    return env.execute("dedup with union list state");
  }

  static List<String> model() {
    List<String> out = new ArrayList<>();
    for (long id = 0; id < IDS; id++) {
      out.add(String.valueOf(id));
    }
    out.sort(null);
    return out;
  }

  static List<String> sorted(List<String> committed) {
    List<String> out = new ArrayList<>(committed);
    out.sort(null);
    return out;
  }

  @Test
  void everyIdOnceThroughFailuresAndRestarts() throws Exception {
    FailAfterCheckpoint.plan(2, EVENTS);
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    JobExecutionResult result = run(ConformanceJobs.restarting(2, dir), sink);
    assertThat(result.counter("numRestarts")).isEqualTo(2);
    assertThat(sorted(sink.committed())).isEqualTo(model());
  }

  @Test
  void everySubtaskGetsTheUnionWhenResumedAtHigherParallelism() throws Exception {
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    FailAfterCheckpoint.plan(1, EVENTS);
    assertThatThrownBy(() -> run(ConformanceJobs.dying(2, dir, false), sink)).isInstanceOf(JobExecutionException.class);
    FailAfterCheckpoint.plan(0, EVENTS);
    RESTORED_SIZES.clear();
    run(ConformanceJobs.dying(3, dir, true), sink);
    assertThat(sorted(sink.committed())).isEqualTo(model());
    List<Integer> sizes = new ArrayList<>(RESTORED_SIZES);
    assertThat(sizes).hasSize(3);
    assertThat(sizes.get(0)).isPositive();
    assertThat(sizes).containsOnly(sizes.get(0));
  }
}
