package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobClient;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.ParallelismEquivalenceTest.CountPerKey;
import io.eddy.runtime.TestEventSource.Event;
import io.eddy.runtime.control.JobControlClient;
import io.eddy.runtime.execution.LocalJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints of running jobs (triggered through the API and through the job's control folder,
 * as {@code eddy savepoint} does), stop-with-savepoint, and jobs started from a savepoint with
 * another parallelism and another graph: operators are matched by uid, and every record counts
 * exactly once over the runs together (each run's committed output is "key:running count").
 */
class SavepointTest {
  private static final long EVENTS = 60_000;
  private static final int KEYS = 20;
  private static final AtomicLong SEEN = new AtomicLong();

  @TempDir
  Path dir;

  /** Counts records and slows the first run down so that it is still running when the savepoint is asked for. */
  static final class Slow implements io.eddy.api.functions.MapFunction<Event, Event> {
    @Override
    public Event map(Event e) throws InterruptedException {
      if (SEEN.incrementAndGet() % 200 == 0) {
        Thread.sleep(1);
      }
      return e;
    }
  }

  /**
   * Keeps what it is given, without transactions: what a run wrote is exactly what reached its
   * sink, so a record processed twice or never shows (a two-phase-commit sink would re-commit
   * the savepoint's pending batches in the next run).
   */
  static final class RecordingSink implements io.eddy.api.connector.Sink<String> {
    private static final Map<String, List<String>> RECORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private final String id = java.util.UUID.randomUUID().toString();

    RecordingSink() {
      RECORDS.put(id, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    List<String> records() {
      synchronized (RECORDS.get(id)) {
        return new ArrayList<>(RECORDS.get(id));
      }
    }

    @Override
    public io.eddy.api.connector.SinkWriter<String> createWriter(WriterInitContext context) {
      List<String> target = RECORDS.get(id);
      return new io.eddy.api.connector.SinkWriter<>() {
        @Override
        public void write(String element, io.eddy.api.connector.SinkWriter.Context ctx) {
          target.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  private StreamEnvironment env(int parallelism, Map<String, String> conf) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration().set("execution.control-dir", dir.resolve("jobs").toString());
    conf.forEach(env.getConfiguration()::set);
    return env;
  }

  private static DataStream<Event> source(StreamEnvironment env) {
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS), WatermarkStrategy.noWatermarks(), "events");
    events.getTransformation().setUid("events");
    return events;
  }

  /** The first job: source -> slow map -> count per key -> sink; returns its client once it is well under way. */
  private JobClient startFirst(RecordingSink sink) throws Exception {
    SEEN.set(0);
    StreamEnvironment env = env(2, Map.of());
    source(env).map(new Slow()).uid("slow").keyBy(Event::key).process(new CountPerKey()).uid("count")
        .sinkTo(sink).uid("sink");
    JobClient client = env.executeAsync("first");
    while (SEEN.get() < EVENTS / 5) {
      Thread.sleep(5);
    }
    return client;
  }

  /** The second job: another parallelism, the slow map gone and an added map before the count. */
  private List<String> runChanged(int parallelism, String savepoint, RecordingSink sink) throws Exception {
    StreamEnvironment env = env(parallelism, Map.of("execution.state-recovery.path", savepoint));
    source(env).map(e -> e).uid("added").keyBy(Event::key).process(new CountPerKey()).uid("count")
        .sinkTo(sink).uid("sink");
    env.execute("changed");
    return sink.records();
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  private static List<String> everyCount() {
    List<String> all = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      for (long c = 1; c <= EVENTS / KEYS; c++) {
        all.add(k + ":" + c);
      }
    }
    return all;
  }

  @Test
  void stopWithSavepointThenResumeWithAnotherGraphAndParallelismCountsEveryRecordOnce() throws Exception {
    RecordingSink first = new RecordingSink();
    JobClient client = startFirst(first);
    String savepoint = client.stopWithSavepoint(dir.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
    client.await();
    assertThat(Path.of(savepoint)).startsWith(dir.resolve("savepoints"));
    assertThat(Path.of(savepoint).resolve("_metadata")).exists();
    List<String> before = first.records();
    assertThat(before).isNotEmpty().hasSizeLessThan((int) EVENTS);

    List<String> after = runChanged(3, savepoint, new RecordingSink());
    List<String> all = new ArrayList<>(before);
    all.addAll(after);
    assertThat(sorted(all)).isEqualTo(sorted(everyCount()));
  }

  @Test
  void aSavepointTakenThroughTheControlFolderResumesExactlyWhileTheJobRunsOn() throws Exception {
    RecordingSink first = new RecordingSink();
    JobClient client = startFirst(first);
    JobControlClient control = new JobControlClient(dir.resolve("jobs"));
    JobControlClient.JobInfo job = control.find(((LocalJob) client).jobId().substring(0, 8));
    assertThat(job.name()).isEqualTo("first");
    assertThat(control.find("first").id()).isEqualTo(job.id());
    String savepoint = control.request(job, "savepoint", dir.resolve("savepoints").toString(), Duration.ofSeconds(30));
    client.await();
    assertThat(sorted(first.records())).isEqualTo(sorted(everyCount()));
    assertThat(control.list()).isEmpty();

    // from the savepoint, each key continues right after the count it had then, up to the end
    List<String> after = runChanged(1, savepoint, new RecordingSink());
    Map<Integer, List<Long>> counts = new TreeMap<>();
    for (String s : after) {
      String[] kv = s.split(":");
      counts.computeIfAbsent(Integer.parseInt(kv[0]), k -> new ArrayList<>()).add(Long.parseLong(kv[1]));
    }
    assertThat(new HashSet<>(after)).hasSize(after.size());
    assertThat(after).hasSizeLessThan((int) EVENTS);
    counts.values().forEach(c -> {
      c.sort(null);
      assertThat(c.get(c.size() - 1)).isEqualTo(EVENTS / KEYS);
      assertThat(c.get(c.size() - 1) - c.get(0) + 1).isEqualTo(c.size());
    });
  }

  @Test
  void stateOfAnOperatorMissingFromTheJobIsAnErrorNamingItsUidUnlessAllowed() throws Exception {
    JobClient client = startFirst(new RecordingSink());
    String savepoint = client.stopWithSavepoint(dir.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
    client.await();

    StreamEnvironment without = env(2, Map.of("execution.state-recovery.path", savepoint));
    source(without).map(e -> e.key() + ":-").sinkTo(new RecordingSink()).uid("sink");
    assertThatThrownBy(() -> without.execute("without count"))
        .hasMessageContaining("uid 'count'").hasMessageContaining("--allowNonRestoredState");

    RecordingSink sink = new RecordingSink();
    StreamEnvironment allowed = env(2, Map.of("execution.state-recovery.path", savepoint,
        "execution.state-recovery.ignore-unclaimed-state", "true"));
    source(allowed).map(e -> e.key() + ":" + e.value()).sinkTo(sink).uid("sink");
    allowed.execute("without count, allowed");
    Set<String> values = new HashSet<>(sink.records());
    assertThat(values).hasSize(sink.records().size()).hasSizeLessThan((int) EVENTS).isNotEmpty();
  }

  /** Flink: a source added since the savepoint has no state to resume from and reads its whole input. */
  @Test
  void aSourceAddedSinceTheSavepointReadsItsInputFromTheStart() throws Exception {
    JobClient client = startFirst(new RecordingSink());
    String savepoint = client.stopWithSavepoint(dir.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
    client.await();

    RecordingSink sink = new RecordingSink();
    StreamEnvironment env = env(2, Map.of("execution.state-recovery.path", savepoint));
    DataStream<Event> added = env.fromElements(new Event(KEYS, 1, 0), new Event(KEYS, 2, 0), new Event(KEYS, 3, 0))
        .uid("added-source");
    source(env).union(added).keyBy(Event::key).process(new CountPerKey()).uid("count").sinkTo(sink).uid("sink");
    env.execute("with an added source");

    assertThat(sink.records()).contains(KEYS + ":1", KEYS + ":2", KEYS + ":3").doesNotContain(KEYS + ":4");
  }

  @Test
  void noSavepointFolderIsAClearError() throws Exception {
    JobClient client = startFirst(new RecordingSink());
    assertThatThrownBy(() -> client.triggerSavepoint(null).get(30, TimeUnit.SECONDS))
        .hasMessageContaining("state.savepoints.dir");
    client.cancel();
    assertThatThrownBy(client::await).hasMessageContaining("cancelled");
    assertThat(Files.exists(dir.resolve("savepoints"))).isFalse();
  }
}
