package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.async.ResultFuture;
import io.eddy.api.functions.async.RichAsyncFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import io.eddy.api.state.CheckpointListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole jobs with async I/O, checkpoints every 50 ms and failures after them: the elements in
 * flight at a checkpoint are invoked again after the restore, so the committed output equals a
 * failure-free run's. Ordered: a running sum per key after the async step, which depends on the
 * order of each key's records. Unordered: event-time windows after it, which drop nothing only if
 * no record overtook a watermark.
 */
@Timeout(180)
class AsyncIoJobTest {
  private static final long EVENTS = 20_000;
  private static final int KEYS = 16;

  @TempDir
  Path dir;

  /** A lookup answered on another thread after up to 1 ms: the event's value times 3. */
  static class Lookup extends RichAsyncFunction<Event, Event> {
    private transient ScheduledExecutorService client;

    @Override
    public void open(OpenContext openContext) {
      client = Executors.newScheduledThreadPool(2);
    }

    @Override
    public void asyncInvoke(Event e, ResultFuture<Event> result) throws Exception {
      client.schedule(() -> result.complete(List.of(new Event(e.key(), e.value() * 3, e.timestamp()))),
          ThreadLocalRandom.current().nextLong(1_000), TimeUnit.MICROSECONDS);
    }

    @Override
    public void close() {
      client.shutdownNow();
    }
  }

  /**
   * The lookup, but the first request after a checkpoint completed is answered with an error, on
   * another thread: the job fails and restarts from that checkpoint. Until then it slows the
   * input (1 ms every 20 requests) so that checkpoints complete before the input ends.
   */
  static final class FailingOnceLookup extends Lookup implements CheckpointListener {
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private volatile boolean checkpointed;
    private long invocations;

    @Override
    public void asyncInvoke(Event e, ResultFuture<Event> result) throws Exception {
      if (FAILURES_LEFT.get() > 0) {
        if (++invocations % 20 == 0) {
          Thread.sleep(1);
        }
        if (checkpointed && FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          CompletableFuture.runAsync(() -> result.completeExceptionally(new IOException("lookup service unavailable")));
          return;
        }
      }
      super.asyncInvoke(e, result);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }

  /** Emits key:value#running-sum, so any change in a key's order shows. */
  static final class RunningSum extends KeyedProcessFunction<Integer, Event, String> {
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext openContext) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<String> out) throws Exception {
      long total = (sum.value() == null ? 0 : sum.value()) + e.value();
      sum.update(total);
      out.collect(e.key() + ":" + e.value() + "#" + total);
    }
  }

  private StreamEnvironment environment(int failures) {
    return environment(failures, failures > 0);
  }

  private StreamEnvironment environment(int failures, boolean checkpointed) {
    FailAfterCheckpoint.plan(failures, EVENTS);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    if (checkpointed) {
      env.getConfiguration()
          .set("state.checkpoints.dir", dir.resolve("checkpoints").toString())
          .set("execution.checkpointing.interval", "50ms")
          .set("restart-strategy.type", "fixed-delay")
          .set("restart-strategy.fixed-delay.delay", "10ms");
    }
    return env;
  }

  private static DataStream<Event> events(StreamEnvironment env) {
    return env.fromSource(new TestEventSource(EVENTS, KEYS),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events")
        .map(new FailAfterCheckpoint()).name("fail-after-checkpoint");
  }

  private static List<String> committed(StreamEnvironment env, ExactlyOnceSink<String> sink, int restores)
      throws Exception {
    JobExecutionResult result = env.execute("async i/o");
    assertThat(result.counter("numRestoresFromCheckpoint")).as("restores").isEqualTo(restores);
    List<String> out = new ArrayList<>(sink.committed());
    out.sort(null);
    return out;
  }

  private List<String> orderedJob(int failures) throws Exception {
    return orderedJob(environment(failures), new Lookup(), failures);
  }

  private List<String> orderedJob(StreamEnvironment env, Lookup lookup, int restores) throws Exception {
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    AsyncDataStream.orderedWait(events(env), lookup, 30, TimeUnit.SECONDS, 16).name("lookup")
        .keyBy(Event::key).process(new RunningSum()).sinkTo(sink);
    return committed(env, sink, restores);
  }

  private List<String> unorderedJob(int failures) throws Exception {
    StreamEnvironment env = environment(failures);
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    AsyncDataStream.unorderedWait(events(env), new Lookup(), Duration.ofSeconds(30), 16).name("lookup")
        .keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(500)))
        .reduce((a, b) -> new Event(a.key(), a.value() + b.value(), Math.max(a.timestamp(), b.timestamp())))
        .map(e -> e.key() + "@" + e.timestamp() / 500 + "=" + e.value())
        .sinkTo(sink);
    return committed(env, sink, failures);
  }

  /** The window sums straight from the input: value * 3 per key and 500 ms window. */
  private static List<String> windowModel() {
    Map<String, Long> sums = new TreeMap<>();
    for (long i = 0; i < EVENTS; i++) {
      long timestamp = i * 10 + (i * 7919 % 50);
      sums.merge((i % KEYS) + "@" + timestamp / 500, i * 3, Long::sum);
    }
    List<String> out = new ArrayList<>();
    sums.forEach((window, sum) -> out.add(window + "=" + sum));
    out.sort(null);
    return out;
  }

  @Test
  void orderedWaitKeepsEachKeysOrderAndCommitsExactlyOnceThroughFailures() throws Exception {
    List<String> reference = orderedJob(0);
    assertThat(reference).hasSize((int) EVENTS);
    assertThat(orderedJob(2)).isEqualTo(reference);
  }

  @Test
  void aLookupCompletedWithAnErrorFailsTheJobWhichRestartsFromItsCheckpoint() throws Exception {
    List<String> reference = orderedJob(0);
    assertThat(reference).hasSize((int) EVENTS);
    FailingOnceLookup.FAILURES_LEFT.set(1);
    assertThat(orderedJob(environment(0, true), new FailingOnceLookup(), 1)).isEqualTo(reference);
  }

  @Test
  void unorderedWaitLosesNoRecordToAWatermarkAndCommitsExactlyOnceThroughFailures() throws Exception {
    List<String> reference = unorderedJob(0);
    assertThat(reference).isNotEmpty().isEqualTo(windowModel());
    assertThat(unorderedJob(2)).isEqualTo(reference);
  }
}
