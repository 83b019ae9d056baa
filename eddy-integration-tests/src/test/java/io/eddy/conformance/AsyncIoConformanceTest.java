package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import io.eddy.api.functions.async.ResultFuture;
import io.eddy.api.functions.async.RichAsyncFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.util.retryable.AsyncRetryStrategies;
import io.eddy.api.util.retryable.RetryPredicates;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.it.FailAfterCheckpoint;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Async I/O as Flink's documentation writes it: a RichAsyncFunction queries a (here simulated)
 * database client whose answers come back on its own threads, {@code unorderedWait} with a timeout
 * and a capacity, then event-time windows per looked-up region. The database never answers for
 * one key: those lookups time out, and the function's {@code timeout} answers from a local copy
 * of the table (which says "unknown" for that key), as a Flink user's fallback would; a lookup
 * that times out because the machine is slow gets the same answer, so the output does not depend
 * on its speed. The first answer for every tenth event of the first half is empty (not
 * replicated yet): the {@code unorderedWaitWithRetry} strategy of Flink's documentation asks
 * again. (Not near the end: as in Flink, an attempt in flight at the end of input is the last.) By Flink's semantics every event is looked up and
 * counted exactly once, and unordered results never overtake a watermark (so no window loses a
 * record); the expected counts follow from that alone, through failures and restarts, and after
 * a resume at another parallelism with lookups in flight.
 */
@Timeout(150)
class AsyncIoConformanceTest {
  private static final long EVENTS = 10_000;
  private static final int KEYS = 8;
  private static final int UNANSWERED_KEY = 3;

  @TempDir
  Path dir;

  /** What the database knows: the region of each key (none for the unanswered key). */
  static String region(int key) {
    return key == UNANSWERED_KEY ? "unknown" : "region-" + key % 3;
  }

  /** A client whose queries complete on its own threads after up to half a millisecond. */
  static final class DatabaseClient {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    CompletableFuture<String> query(int key) {
      if (key == UNANSWERED_KEY) {
        return new CompletableFuture<>();
      }
      return CompletableFuture.supplyAsync(() -> {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000));
        return region(key);
      }, threads);
    }

    void close() {
      threads.shutdownNow();
    }
  }

  static final class AsyncDatabaseRequest extends RichAsyncFunction<Event, Tuple2<String, Event>> {
    private transient DatabaseClient client;
    private transient Set<Long> askedOnce;

    @Override
    public void open(OpenContext openContext) {
      client = new DatabaseClient();
      askedOnce = new HashSet<>();
    }

    @Override
    public void close() {
      client.close();
    }

    @Override
    public void asyncInvoke(Event event, ResultFuture<Tuple2<String, Event>> resultFuture) {
      boolean notReplicatedYet = event.value() % 10 == 0 && event.value() < EVENTS / 2 && askedOnce.add(event.value());
      client.query(event.key()).thenAccept(region -> resultFuture.complete(
          notReplicatedYet ? Collections.emptyList() : Collections.singleton(Tuple2.of(region, event))));
    }

    @Override
    public void timeout(Event event, ResultFuture<Tuple2<String, Event>> resultFuture) {
      resultFuture.complete(Collections.singleton(Tuple2.of(region(event.key()), event)));
    }
  }

  /** region@window-start: count/sum of values. */
  static final class Describe extends ProcessWindowFunction<Tuple2<String, Event>, String, String, TimeWindow> {
    @Override
    public void process(String region, Context ctx, Iterable<Tuple2<String, Event>> events, Collector<String> out) {
      long count = 0;
      long sum = 0;
      for (Tuple2<String, Event> e : events) {
        count++;
        sum += e.f1.value();
      }
      out.collect(region + "@" + ctx.window().getStart() + ":" + count + "/" + sum);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static JobExecutionResult run(StreamEnvironment env, ExactlyOnceSink<String> sink) throws Exception {
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events")
        .map(new Throttle<>(5)).name("throttle")
        .map(new FailAfterCheckpoint()).name("failures");
    AsyncRetryStrategy asyncRetryStrategy = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder(3, 1L)
        .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
        .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
        .build();
    DataStream<Tuple2<String, Event>> enriched = AsyncDataStream.unorderedWaitWithRetry(
        events, new AsyncDatabaseRequest(), 20, TimeUnit.MILLISECONDS, 100, asyncRetryStrategy).uid("lookup");
    enriched.keyBy(t -> t.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .process(new Describe()).uid("windows")
        .sinkTo(sink);
    return env.execute("async database lookups");
  }

  /** The expected output, straight from the semantics. */
  static List<String> model() {
    Map<String, long[]> windows = new TreeMap<>();
    for (long i = 0; i < EVENTS; i++) {
      long timestamp = i * 10 + (i * 7919 % 50);
      long[] w = windows.computeIfAbsent(region((int) (i % KEYS)) + "@" + timestamp / 1000 * 1000, k -> new long[2]);
      w[0]++;
      w[1] += i;
    }
    List<String> out = new ArrayList<>();
    windows.forEach((window, w) -> out.add(window + ":" + w[0] + "/" + w[1]));
    out.sort(null);
    return out;
  }

  static List<String> sorted(List<String> committed) {
    List<String> out = new ArrayList<>(committed);
    out.sort(null);
    return out;
  }

  @Test
  void everyEventIsLookedUpAndCountedExactlyOnceThroughFailures() throws Exception {
    FailAfterCheckpoint.plan(2, EVENTS);
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    JobExecutionResult result = run(ConformanceJobs.restarting(2, dir), sink);
    assertThat(result.counter("numRestarts")).isEqualTo(2);
    assertThat(model()).hasSizeGreaterThan(20);
    assertThat(sorted(sink.committed())).isEqualTo(model());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void lookupsInFlightSurviveAResumeAtAnotherParallelism(int parallelism) throws Exception {
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    FailAfterCheckpoint.plan(1, EVENTS);
    assertThatThrownBy(() -> run(ConformanceJobs.dying(2, dir, false), sink)).isInstanceOf(JobExecutionException.class);
    assertThat(sink.committed()).hasSizeLessThan(model().size());
    FailAfterCheckpoint.plan(0, EVENTS);
    run(ConformanceJobs.dying(parallelism, dir, true), sink);
    assertThat(sorted(sink.committed())).isEqualTo(model());
  }
}
