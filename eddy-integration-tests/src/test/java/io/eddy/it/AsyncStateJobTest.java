package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.v2.ValueState;
import io.eddy.api.state.v2.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole job with keyBy(...).enableAsyncState(): V2 state through each backend's state executor
 * (inline on hashmap, read threads on rocksdb and disaggregated), with checkpoints every 50 ms and
 * failures after them, commits exactly the output of the same function on synchronous state.
 */
@Timeout(180)
class AsyncStateJobTest {
  private static final long EVENTS = 30_000;
  private static final int KEYS = 48;

  @TempDir
  Path dir;

  /**
   * Running count and sum per key; a timer 200 ms after each multiple-of-seven value counts its
   * key's firings (what a timer sees of the records' state depends on when watermarks arrive, so
   * timers report only their own state).
   */
  static final class AsyncTotals extends KeyedProcessFunction<Integer, Event, String> {
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;
    private transient ValueState<Long> fired;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
      fired = getRuntimeContext().getState(new ValueStateDescriptor<>("fired", Long.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<String> out) {
      long timestamp = ctx.timestamp();
      count.asyncValue().thenCombine(sum.asyncValue(), (c, s) -> {
        long n = c == null ? 1 : c + 1;
        long total = (s == null ? 0 : s) + e.value();
        out.collect(e.key() + ":" + e.value() + "#" + n + "=" + total);
        if (e.value() % 7 == 0) {
          ctx.timerService().registerEventTimeTimer(timestamp + 200);
        }
        count.asyncUpdate(n);
        return sum.asyncUpdate(total);
      });
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) {
      fired.asyncValue().thenCompose(f -> {
        long n = f == null ? 1 : f + 1;
        out.collect(ctx.getCurrentKey() + "@" + time + " fired#" + n);
        return fired.asyncUpdate(n);
      });
    }
  }

  /** The same function on synchronous state. */
  static final class SyncTotals extends KeyedProcessFunction<Integer, Event, String> {
    private transient io.eddy.api.state.ValueState<Long> count;
    private transient io.eddy.api.state.ValueState<Long> sum;
    private transient io.eddy.api.state.ValueState<Long> fired;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>("count", Long.class));
      sum = getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>("sum", Long.class));
      fired = getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>("fired", Long.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<String> out) throws Exception {
      Long c = count.value();
      Long s = sum.value();
      long n = c == null ? 1 : c + 1;
      long total = (s == null ? 0 : s) + e.value();
      out.collect(e.key() + ":" + e.value() + "#" + n + "=" + total);
      if (e.value() % 7 == 0) {
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 200);
      }
      count.update(n);
      sum.update(total);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
      Long f = fired.value();
      long n = f == null ? 1 : f + 1;
      out.collect(ctx.getCurrentKey() + "@" + time + " fired#" + n);
      fired.update(n);
    }
  }

  private static List<String> run(String backend, boolean async, Map<String, String> settings, int failures)
      throws Exception {
    FailAfterCheckpoint.plan(failures, EVENTS);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration().set("state.backend.type", backend);
    settings.forEach(env.getConfiguration()::set);
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS),
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events")
        .map(new FailAfterCheckpoint()).name("fail-after-checkpoint");
    var keyed = events.keyBy(Event::key);
    DataStream<String> out = async
        ? keyed.enableAsyncState().process(new AsyncTotals()).name("async-totals")
        : keyed.process(new SyncTotals()).name("sync-totals");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    out.sinkTo(sink);
    JobExecutionResult result = env.execute("async state on " + backend);
    if (failures > 0) {
      assertThat(result.counter("numRestoresFromCheckpoint")).as("restores").isBetween(1L, (long) failures);
    }
    List<String> committed = new ArrayList<>(sink.committed());
    committed.sort(null);
    return committed;
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void asyncStateCommitsTheOutputOfSyncStateAcrossFailures(String backend) throws Exception {
    Map<String, String> settings = Map.of(
        "state.checkpoints.dir", dir.resolve("checkpoints").toString(),
        "state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString(),
        "execution.checkpointing.interval", "50ms",
        "restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.delay", "10ms");
    List<String> expected = run("hashmap", false, Map.of(), 0);
    assertThat(expected).hasSizeGreaterThan((int) EVENTS);
    assertThat(run(backend, true, settings, 2)).isEqualTo(expected);
  }
}
