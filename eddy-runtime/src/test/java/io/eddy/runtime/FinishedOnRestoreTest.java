package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.fs.FileSystems;
import io.eddy.runtime.checkpoint.CheckpointMetadata;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's finished-on-restore rule: a chain whose operators had all finished when the restored
 * checkpoint was taken runs none of them again. A bounded source "short" (and the map chained to
 * it) ends at once; a long source runs on and its map fails twice: first once the latest complete
 * checkpoint records the short chain finished, then after two checkpoints of the restored attempt
 * completed (which must record it finished again, or the second restore would run it). The short
 * reader is created once and its map opened once over all attempts, and the committed output is
 * every record once.
 */
@Timeout(120)
class FinishedOnRestoreTest {
  private static final int SHORT = 5;
  private static final long LONG = 1_500;
  /** The long source waits at each of these (see the class comment); its map fails there. */
  private static final List<Long> FAIL_AT = List.of(500L, 1_000L);

  private static volatile Path checkpoints;
  private static final AtomicInteger SHORT_READERS = new AtomicInteger();
  private static final AtomicInteger SHORT_MAPS_OPENED = new AtomicInteger();
  private static final AtomicInteger FAILURES = new AtomicInteger();
  /** Checkpoints completed since the last injected failure. */
  private static final Set<Long> COMPLETED = ConcurrentHashMap.newKeySet();

  @TempDir
  Path dir;

  /**
   * Reads "short-0".."short-4" and ends; restored, it resumes at the position it checkpointed,
   * which a finished reader never did (as a Flink user's reader would assume).
   */
  static final class ShortSource implements Source<String> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<String> createReader(SourceReaderContext context) {
      SHORT_READERS.incrementAndGet();
      int start = context.isRestored() ? (Integer) context.restoredState().get(0) : 0;
      return new SourceReader<>() {
        private int next = start;

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) {
          if (next == SHORT) {
            return InputStatus.END_OF_INPUT;
          }
          output.collect("short-" + next++);
          return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Integer> snapshotState(long checkpointId) {
          return List.of(next);
        }
      };
    }
  }

  static final class CountingOpens extends RichMapFunction<String, String> {
    @Override
    public void open(OpenContext context) {
      SHORT_MAPS_OPENED.incrementAndGet();
    }

    @Override
    public String map(String value) {
      return value;
    }
  }

  /** Reads 0..LONG-1, waiting at each failure point until enough checkpoints completed. */
  static final class LongSource implements Source<Long> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext context) {
      long start = context.isRestored() ? (Long) context.restoredState().get(0) : 0;
      return new SourceReader<>() {
        private long next = start;

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
          if (next == LONG) {
            return InputStatus.END_OF_INPUT;
          }
          if (FAIL_AT.contains(next) && FAILURES.get() == FAIL_AT.indexOf(next) && !mayFail()) {
            return InputStatus.NOTHING_AVAILABLE;
          }
          output.collect(next++);
          return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Long> snapshotState(long checkpointId) {
          return List.of(next);
        }
      };
    }
  }

  private static boolean mayFail() {
    return FAILURES.get() == 0 ? latestCheckpointHasShortFinished() : COMPLETED.size() >= 2;
  }

  private static boolean latestCheckpointHasShortFinished() {
    try {
      CheckpointStorage storage = new CheckpointStorage(FileSystems.forPath(checkpoints.toString()), checkpoints.toString());
      List<Long> ids = storage.completedIds();
      if (ids.isEmpty()) {
        return false;
      }
      CheckpointMetadata.OperatorState op = storage.loadMetadata(ids.get(ids.size() - 1)).operators().get("short");
      return op != null && op.isFullyFinished();
    } catch (IOException e) {
      return false; // deleted meanwhile by a newer checkpoint: look again
    }
  }

  /** Fails at each failure point once; counts the checkpoints completed since the last failure. */
  static final class FailingMap extends RichMapFunction<Long, String> implements CheckpointListener {
    @Override
    public String map(Long value) {
      if (FAIL_AT.contains(value) && FAILURES.get() == FAIL_AT.indexOf(value)) {
        COMPLETED.clear();
        FAILURES.incrementAndGet();
        throw new IllegalStateException("injected failure at " + value);
      }
      return "long-" + value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      COMPLETED.add(checkpointId);
    }
  }

  @Test
  void aChainThatHadFinishedIsNotRunAgainAfterARestoreNorAfterTheNext() throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
    checkpoints = dir.resolve("checkpoints");
    env.getConfiguration().set("state.checkpoints.dir", checkpoints.toString());
    env.getConfiguration().set("execution.checkpointing.interval", "20ms");
    env.getConfiguration().set("restart-strategy.type", "fixed-delay");
    env.getConfiguration().set("restart-strategy.fixed-delay.delay", "10ms");
    env.getConfiguration().set("restart-strategy.fixed-delay.attempts", "2");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    DataStream<String> shortInput = env.fromSource(new ShortSource(), WatermarkStrategy.noWatermarks(), "short")
        .uid("short").map(new CountingOpens()).uid("short-map");
    DataStream<String> longInput = env.fromSource(new LongSource(), WatermarkStrategy.noWatermarks(), "long")
        .uid("long").map(new FailingMap()).uid("long-map");
    shortInput.union(longInput).sinkTo(sink).uid("sink");

    JobExecutionResult result = env.execute("finished on restore");

    assertThat(result.counter("numRestarts")).isEqualTo(2);
    assertThat(result.counter("numRestoresFromCheckpoint")).isEqualTo(2);
    assertThat(SHORT_READERS).as("short readers created over all attempts").hasValue(1);
    assertThat(SHORT_MAPS_OPENED).as("maps of the short chain opened over all attempts").hasValue(1);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < SHORT; i++) {
      expected.add("short-" + i);
    }
    for (long i = 0; i < LONG; i++) {
      expected.add("long-" + i);
    }
    List<String> committed = new ArrayList<>(sink.committed());
    committed.sort(null);
    expected.sort(null);
    assertThat(expected).hasSize(SHORT + (int) LONG);
    assertThat(committed).isEqualTo(expected);
  }
}
