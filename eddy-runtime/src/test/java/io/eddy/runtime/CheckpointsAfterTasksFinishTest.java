package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints after tasks finish (Flink's execution.checkpointing.checkpoints-after-tasks-finish):
 * a parallelism-2 source whose subtask 0 ends at once while subtask 1 runs on. Checkpoints keep
 * completing after subtask 0 finished; a failure injected after several of them restores one,
 * in which subtask 0's split is recorded as finished, so nothing of it is read again; the
 * committed output (every record, and per-key totals emitted at the end of input through the
 * sinks' final checkpoint) equals the model.
 */
@Timeout(120)
class CheckpointsAfterTasksFinishTest {
  private static final long COUNT = 2_000;
  /** Subtask 0 reads [0, SHORT) and ends; subtask 1 reads [SHORT, COUNT). */
  private static final long SHORT = 20;
  /** Subtask 1 holds here until enough checkpoints completed after subtask 0 finished. */
  private static final long HOLD_AT = 1_000;
  private static final int CHECKPOINTS_AFTER_FINISH = 3;
  private static final int KEYS = 7;

  private static final AtomicBoolean SHORT_SUBTASK_ENDED = new AtomicBoolean();
  /** Checkpoints notified as complete after subtask 0 had ended. */
  private static final Set<Long> COMPLETED_AFTER_END = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean FAILED = new AtomicBoolean();
  /** The reader positions restored, over all subtasks and restores. */
  private static final List<Range> RESTORED = new CopyOnWriteArrayList<>();

  @TempDir
  Path dir;

  /** What is left of one subtask's share: [next, end). */
  record Range(long next, long end) implements Serializable {}

  /** Subtask 0 gets a short range, subtask 1 the long rest, which it reads in small steps. */
  static final class SkewedSource implements Source<Long> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext context) {
      List<Range> ranges = new ArrayList<>();
      if (context.isRestored()) {
        context.restoredState().forEach(r -> ranges.add((Range) r));
        RESTORED.addAll(ranges);
      } else {
        ranges.add(context.subtaskIndex() == 0 ? new Range(0, SHORT) : new Range(SHORT, COUNT));
      }
      return new SourceReader<>() {
        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
          while (!ranges.isEmpty() && ranges.get(0).next() >= ranges.get(0).end()) {
            ranges.remove(0);
          }
          if (ranges.isEmpty()) {
            if (context.subtaskIndex() == 0) {
              SHORT_SUBTASK_ENDED.set(true);
            }
            return InputStatus.END_OF_INPUT;
          }
          Range r = ranges.get(0);
          if (r.next() >= HOLD_AT && COMPLETED_AFTER_END.size() < CHECKPOINTS_AFTER_FINISH) {
            return InputStatus.NOTHING_AVAILABLE;
          }
          long end = Math.min(r.end(), r.next() + 5);
          for (long i = r.next(); i < end; i++) {
            output.collect(i, i);
          }
          ranges.set(0, new Range(end, r.end()));
          return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Range> snapshotState(long checkpointId) {
          return List.copyOf(ranges);
        }
      };
    }
  }

  /** Counts checkpoints completed after subtask 0 ended, and fails once after enough of them. */
  static final class FailAfterCheckpointsPastTheEnd extends RichMapFunction<Long, Long> implements CheckpointListener {
    @Override
    public Long map(Long value) {
      if (value >= HOLD_AT && COMPLETED_AFTER_END.size() >= CHECKPOINTS_AFTER_FINISH && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure at " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (SHORT_SUBTASK_ENDED.get()) {
        COMPLETED_AFTER_END.add(checkpointId);
      }
    }
  }

  /** Emits every record, and each key's total when the input ends. */
  static final class TotalAtEnd extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> total;

    @Override
    public void open(OpenContext context) {
      total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      Long t = total.value();
      total.update((t == null ? 0 : t) + value);
      ctx.timerService().registerEventTimeTimer(COUNT * 10);
      out.collect("record " + value);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect("total of " + ctx.getCurrentKey() + " = " + total.value());
    }
  }

  private static List<String> model() {
    List<String> expected = new ArrayList<>();
    long[] totals = new long[KEYS];
    for (long i = 0; i < COUNT; i++) {
      expected.add("record " + i);
      totals[(int) (i % KEYS)] += i;
    }
    for (int k = 0; k < KEYS; k++) {
      expected.add("total of " + k + " = " + totals[k]);
    }
    expected.sort(null);
    return expected;
  }

  @Test
  void checkpointsContinueAfterASourceSubtaskFinishedAndRestoreWithoutReplayingIt() throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration().set("state.checkpoints.dir", dir.resolve("checkpoints").toString());
    env.getConfiguration().set("execution.checkpointing.interval", "20ms");
    env.getConfiguration().set("restart-strategy.type", "fixed-delay");
    env.getConfiguration().set("restart-strategy.fixed-delay.delay", "10ms");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    env.fromSource(new SkewedSource(), WatermarkStrategy.<Long>forMonotonousTimestamps(), "skewed")
        .map(new FailAfterCheckpointsPastTheEnd())
        .keyBy(v -> v % KEYS)
        .process(new TotalAtEnd())
        .sinkTo(sink);

    JobExecutionResult result = env.execute("checkpoints after tasks finish");

    assertThat(COMPLETED_AFTER_END).as("checkpoints completed after subtask 0 ended").hasSizeGreaterThanOrEqualTo(
        CHECKPOINTS_AFTER_FINISH);
    assertThat(result.counter("numRestarts")).isEqualTo(1);
    assertThat(result.counter("numRestoresFromCheckpoint")).isEqualTo(1);
    assertThat(RESTORED).as("restored reader positions: subtask 1's only, subtask 0's recorded as finished")
        .singleElement().satisfies(r -> {
          assertThat(r.next()).isGreaterThanOrEqualTo(SHORT);
          assertThat(r.end()).isEqualTo(COUNT);
        });
    List<String> committed = new ArrayList<>(sink.committed());
    committed.sort(null);
    List<String> expected = model();
    assertThat(expected).hasSize((int) COUNT + KEYS);
    assertThat(committed).isEqualTo(expected);
  }
}
