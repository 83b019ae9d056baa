package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.ParallelismEquivalenceTest.CountPerKey;
import io.eddy.runtime.TestEventSource.Event;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.fs.LocalFileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job checkpoints at parallelism 2 and dies halfway; resumed from its checkpoint directory at
 * parallelism 1 or 4, key groups and source positions are redistributed and the committed
 * output of both runs together is exactly the failure-free output.
 */
class RescaleFromCheckpointTest {
  private static final long EVENTS = 200_000;
  private static final int KEYS = 40;
  private static final AtomicBoolean DIE = new AtomicBoolean();

  private static final AtomicBoolean CHECKPOINTED_PAST_MIDDLE = new AtomicBoolean();

  /**
   * Kills the first run once it is past the middle and a checkpoint taken there completed, and
   * meanwhile slows down so that one does.
   */
  static final class DieHalfway extends io.eddy.api.functions.RichMapFunction<Event, Event>
      implements io.eddy.api.state.CheckpointListener {
    private boolean pastMiddle;

    @Override
    public Event map(Event e) throws InterruptedException {
      if (DIE.get() && e.value() >= EVENTS / 2) {
        if (CHECKPOINTED_PAST_MIDDLE.get()) {
          throw new IllegalStateException("the process dies");
        }
        pastMiddle = true;
        Thread.sleep(1);
      }
      return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (pastMiddle) {
        CHECKPOINTED_PAST_MIDDLE.set(true);
      }
    }
  }

  private static List<String> run(int parallelism, Path checkpoints, boolean resume, boolean die,
      ExactlyOnceSink<String> sink) throws Exception {
    DIE.set(die);
    CHECKPOINTED_PAST_MIDDLE.set(false);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "10ms")
        .set("state.checkpoints.dir", checkpoints.toString())
        .set("state.checkpoints.num-retained", "2")
        .set("restart-strategy.type", "none")
        .set("execution.checkpointing.resume", String.valueOf(resume));
    env.fromSource(new TestEventSource(EVENTS, KEYS), WatermarkStrategy.noWatermarks(), "events")
        .map(new DieHalfway())
        .keyBy(Event::key)
        .process(new CountPerKey())
        .sinkTo(sink);
    env.execute("rescale");
    List<String> out = new ArrayList<>(sink.committed());
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void resumesAtAnotherParallelismWithExactlyOnceOutput(int newParallelism, @TempDir Path dir) throws Exception {
    List<String> expected = run(2, dir.resolve("reference"), false, false, new ExactlyOnceSink<>());
    Path checkpoints = dir.resolve("checkpoints");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    assertThatThrownBy(() -> run(2, checkpoints, false, true, sink)).isInstanceOf(JobExecutionException.class);
    CheckpointStorage storage = new CheckpointStorage(new LocalFileSystem(), checkpoints.toString());
    assertThat(storage.completedIds()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    List<String> committedBefore = sink.committed();
    assertThat(committedBefore.size()).isLessThan(expected.size());

    List<String> all = run(newParallelism, checkpoints, true, false, sink);
    assertThat(all).isEqualTo(expected);
    assertThat(storage.isFinished()).isTrue();
    assertThatThrownBy(() -> run(newParallelism, checkpoints, true, false, sink))
        .hasMessageContaining("already finished");
  }
}
