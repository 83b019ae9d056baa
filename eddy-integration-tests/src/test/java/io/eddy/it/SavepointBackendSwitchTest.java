package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.fs.LocalFileSystem;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A savepoint is self-contained and relocatable, and any backend resumes a savepoint of any
 * other (Flink's canonical savepoint format): for every pair of backends, the job of {@link
 * BackendEquivalenceTest} (every state primitive, TTL-ed state, timers, tumbling, sliding and
 * merging session windows) runs at parallelism 2 on the first backend, completes a checkpoint
 * and stops with a savepoint halfway; the savepoint folder is moved, the checkpoint folder (and with it the
 * disaggregated store's files) and RocksDB's working folder deleted; the job resumes from the
 * moved savepoint at parallelism 3 on the second backend. What both runs committed together must
 * equal a failure-free run's output. The first run's sources stop at half their input until the
 * savepoint, so the savepoint is taken mid-run whatever the machine's speed.
 */
@Timeout(180)
class SavepointBackendSwitchTest {
  private static final long EVENTS = 12_000;
  private static final int KEYS = 48;
  private static final Map<String, List<String>> REFERENCE = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
      "hashmap>rocksdb", "hashmap>disaggregated", "rocksdb>hashmap", "rocksdb>disaggregated",
      "disaggregated>hashmap", "disaggregated>rocksdb", "hashmap>hashmap", "rocksdb>rocksdb",
      "disaggregated>disaggregated"})
  void resumesAMovedSavepointOnAnotherBackendAtAnotherParallelism(String pair) throws Exception {
    String from = pair.split(">")[0];
    String to = pair.split(">")[1];
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    Path firstRun = dir.resolve("first-run");

    HalfThenWait.reset();
    StreamEnvironment first = env(from, 2, firstRun, Map.of("execution.checkpointing.interval", "50ms"));
    job(first, new HalfThenWait(EVENTS, KEYS, true), sink);
    JobClient client = first.executeAsync("savepoint on " + from);
    HalfThenWait.awaitPaused(2);
    CheckpointStorage checkpoints = new CheckpointStorage(new LocalFileSystem(), firstRun.resolve("checkpoints").toString());
    while (checkpoints.completedIds().isEmpty()) { // so that the savepoint has checkpoint files to not depend on
      Thread.sleep(5);
    }
    String savepoint = client.stopWithSavepoint(dir.resolve("savepoints").toString()).get(60, TimeUnit.SECONDS);
    client.await();
    assertThat(sink.committed()).as("output committed before the savepoint").isNotEmpty();

    Path moved = dir.resolve("moved").resolve("savepoint");
    Files.createDirectories(moved.getParent());
    Files.move(Path.of(savepoint), moved);
    deleteRecursively(firstRun);
    assertThat(CheckpointStorage.loadFolder(moved.toString()).operators()).as("operators with state").isNotEmpty();

    StreamEnvironment second = env(to, 3, dir.resolve("second-run"), Map.of(
        "execution.checkpointing.interval", "50ms",
        "execution.state-recovery.path", moved.toString()));
    job(second, new HalfThenWait(EVENTS, KEYS, false), sink);
    JobExecutionResult result = second.execute("resumed on " + to);
    assertThat(result.counter("numRestoresFromSavepoint")).isEqualTo(1);

    List<String> all = new ArrayList<>(sink.committed());
    all.sort(null);
    BackendEquivalenceTest.assertSameOutput(all, reference());
  }

  /** A failure-free run on the hashmap backend; checked non-empty and longer than the input. */
  private List<String> reference() throws Exception {
    List<String> cached = REFERENCE.get("reference");
    if (cached == null) {
      ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
      StreamEnvironment env = env("hashmap", 2, dir.resolve("reference"), Map.of());
      job(env, new HalfThenWait(EVENTS, KEYS, false), sink);
      env.execute("reference");
      cached = new ArrayList<>(sink.committed());
      cached.sort(null);
      assertThat(cached).as("reference output").hasSizeGreaterThan((int) EVENTS);
      REFERENCE.put("reference", cached);
    }
    return cached;
  }

  private static StreamEnvironment env(String backend, int parallelism, Path work, Map<String, String> settings) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration().set("state.backend.type", backend);
    env.getConfiguration().set("state.checkpoints.dir", work.resolve("checkpoints").toString());
    env.getConfiguration().set("state.backend.rocksdb.localdir", work.resolve("rocksdb").toString());
    settings.forEach(env.getConfiguration()::set);
    return env;
  }

  private static void job(StreamEnvironment env, HalfThenWait source, ExactlyOnceSink<String> sink) {
    BackendEquivalenceTest.job(env.fromSource(source,
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events")).sinkTo(sink);
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * {@link TestEventSource}, whose readers, when {@code pause}, stop after half their share and
   * wait (emitting nothing) until the job is stopped; {@link #awaitPaused} waits until they all do.
   */
  record HalfThenWait(long count, int keys, boolean pause) implements Source<Event> {
    private static final AtomicInteger PAUSED = new AtomicInteger();

    static void reset() {
      PAUSED.set(0);
    }

    static void awaitPaused(int readers) throws InterruptedException {
      while (PAUSED.get() < readers) {
        Thread.sleep(5);
      }
    }

    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Event> createReader(SourceReaderContext context) throws Exception {
      SourceReader<Event> events = new TestEventSource(count, keys).createReader(context);
      long half = count / context.parallelism() / 2;
      return new SourceReader<>() {
        private long emitted;
        private boolean paused;

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) throws Exception {
          if (pause && emitted >= half) {
            if (!paused) {
              paused = true;
              PAUSED.incrementAndGet();
            }
            return InputStatus.NOTHING_AVAILABLE;
          }
          return events.pollNext(new ReaderOutput<>() {
            @Override
            public void collect(Event record) {
              emitted++;
              output.collect(record);
            }

            @Override
            public void collect(Event record, long timestamp) {
              emitted++;
              output.collect(record, timestamp);
            }
          });
        }

        @Override
        public List<? extends Serializable> snapshotState(long checkpointId) throws Exception {
          return events.snapshotState(checkpointId);
        }
      };
    }
  }
}
