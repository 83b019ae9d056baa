package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.connector.Committer;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.fs.LocalFileSystem;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commits at the end of a bounded job. Without checkpoints after tasks finish they are
 * covered by no checkpoint: a process that dies half-way through them (here: the first commit
 * goes through, then the committer throws) is resumed by making the recorded commits again, not
 * by replaying the input. With them (the default), the sinks prepare their last transaction in
 * the final checkpoint and commit it when it completes; a resume restores that checkpoint (the
 * sources have nothing left) and commits the restored transactions again. Either way what was
 * already committed is not committed twice and what was not is not lost.
 */
@Timeout(60)
class EndOfInputCommitTest {
  private static final long EVENTS = 10_000;
  private static final AtomicBoolean CRASH_AFTER_FIRST_COMMIT = new AtomicBoolean();

  /** Delegates to an {@link ExactlyOnceSink}; its committer dies right after one commit if asked to. */
  record CrashingSink(ExactlyOnceSink<String> target) implements TwoPhaseCommittingSink<String, ExactlyOnceSink.Batch> {
    @Override
    public PrecommittingWriter<String, ExactlyOnceSink.Batch> createWriter(WriterInitContext context) {
      return target.createWriter(context);
    }

    @Override
    public Committer<ExactlyOnceSink.Batch> createCommitter() {
      Committer<ExactlyOnceSink.Batch> committer = target.createCommitter();
      return batches -> {
        committer.commit(batches);
        if (CRASH_AFTER_FIRST_COMMIT.getAndSet(false)) {
          throw new IllegalStateException("the process dies while committing");
        }
      };
    }
  }

  private static void run(Path checkpoints, boolean resume, boolean finalCheckpoint, ExactlyOnceSink<String> sink)
      throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "1h") // no periodic checkpoint: only the final one, if any
        .set("execution.checkpointing.checkpoints-after-tasks-finish", String.valueOf(finalCheckpoint))
        .set("state.checkpoints.dir", checkpoints.toString())
        .set("restart-strategy.type", "none")
        .set("execution.checkpointing.resume", String.valueOf(resume));
    env.fromSource(new TestEventSource(EVENTS, 10), WatermarkStrategy.noWatermarks(), "events")
        .map(e -> Long.toString(e.value()))
        .sinkTo(new CrashingSink(sink));
    env.execute("end of input");
  }

  @ParameterizedTest(name = "checkpoints after tasks finish: {0}")
  @ValueSource(booleans = {false, true})
  void aResumeAfterACrashDuringTheFinalCommitsCompletesThemOnce(boolean finalCheckpoint, @TempDir Path dir)
      throws Exception {
    List<String> expected = new ArrayList<>(LongStream.range(0, EVENTS).mapToObj(Long::toString).toList());
    expected.sort(null);
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    CRASH_AFTER_FIRST_COMMIT.set(true);
    assertThatThrownBy(() -> run(dir, false, finalCheckpoint, sink)).isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("the process dies while committing");
    int committedBeforeResume = sink.committed().size();
    if (finalCheckpoint) {
      assertThat(committedBeforeResume).as("a subtask's last transaction was committed").isPositive();
    } else {
      assertThat(committedBeforeResume).as("one of the two subtasks' files was committed").isStrictlyBetween(0,
          (int) EVENTS);
    }
    CheckpointStorage storage = new CheckpointStorage(new LocalFileSystem(), dir.toString());
    assertThat(storage.isFinished()).isFalse();

    run(dir, true, finalCheckpoint, sink);
    List<String> committed = sink.committed();
    committed.sort(null);
    assertThat(committed).isEqualTo(expected);
    assertThat(storage.isFinished()).isTrue();
  }
}
