package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamExecutionEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.time.TimerService;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Watermarks through unions, connects and rebalances, as Flink defines them: an operator's
 * event time is the minimum of the latest watermark of each of its input channels, and a
 * channel carries a producer's watermark behind the records it sent before it. Two inputs of
 * (key, timestamp) events, each read by two source subtasks in increasing timestamps with
 * {@code forMonotonousTimestamps} (watermark = highest timestamp seen - 1); input B runs
 * throttled behind input A. A keyed function sets an event-time timer at every event's
 * timestamp t; when it fires it prints how many events of its key with timestamp <= t it has
 * seen. By those semantics a timer fires only after every source subtask of both inputs has
 * sent all its events up to t, so the count is the model's: all events of the key up to t in
 * both inputs. An operator that let the faster input's watermark run ahead (the maximum, or the
 * latest of any channel) would fire timers early, with smaller counts.
 */
@Timeout(120)
class WatermarkPropagationConformanceTest {
  private static final int KEYS = 5;

  private static DataStream<Tuple2<String, Long>> input(StreamExecutionEnvironment env, long count, long step,
      int throttleEvery) {
    return env.fromSequence(0, count - 1).setParallelism(2)
        .map(i -> Tuple2.of("k" + i % KEYS, i * step)).returns(Types.TUPLE(Types.STRING, Types.LONG))
        .setParallelism(2)
        .map(new Throttle<>(throttleEvery)).setParallelism(2)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
            .withTimestampAssigner((e, ts) -> e.f1));
  }

  private static StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    env.getConfig().setAutoWatermarkInterval(1);
    return env;
  }

  private static DataStream<Tuple2<String, Long>> fast(StreamExecutionEnvironment env) {
    return input(env, 3000, 1, 1_000_000);
  }

  private static DataStream<Tuple2<String, Long>> slow(StreamExecutionEnvironment env) {
    return input(env, 1000, 3, 5);
  }

  /** "key@t=n" for every key and timestamp t of its events: n events of the key in both inputs up to t. */
  private static List<String> expected() {
    Map<String, TreeMap<Long, Long>> perKey = new TreeMap<>();
    for (long i = 0; i < 3000; i++) {
      perKey.computeIfAbsent("k" + i % KEYS, k -> new TreeMap<>()).merge(i, 1L, Long::sum);
    }
    for (long i = 0; i < 1000; i++) {
      perKey.computeIfAbsent("k" + i % KEYS, k -> new TreeMap<>()).merge(i * 3, 1L, Long::sum);
    }
    List<String> expected = new ArrayList<>();
    perKey.forEach((key, counts) -> {
      long n = 0;
      for (Map.Entry<Long, Long> e : counts.entrySet()) {
        n += e.getValue();
        expected.add(key + "@" + e.getKey() + "=" + n);
      }
    });
    return expected;
  }

  @Test
  void throughAUnionTheSlowerInputHoldsEventTimeBack() throws Exception {
    StreamExecutionEnvironment env = environment();
    List<String> out = fast(env).union(slow(env))
        .keyBy(e -> e.f0)
        .process(new CountAtTimer())
        .executeAndCollect(Integer.MAX_VALUE);
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected());
  }

  @Test
  void throughAConnectTheSlowerInputHoldsEventTimeBack() throws Exception {
    StreamExecutionEnvironment env = environment();
    List<String> out = fast(env).connect(slow(env))
        .keyBy(e -> e.f0, e -> e.f0)
        .process(new CoCountAtTimer())
        .executeAndCollect(Integer.MAX_VALUE);
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected());
  }

  @Test
  void throughRebalancesEveryChannelHoldsEventTimeBack() throws Exception {
    StreamExecutionEnvironment env = environment();
    List<String> out = fast(env).rebalance().map(e -> e).setParallelism(3)
        .union(slow(env).rebalance().map(e -> e).setParallelism(1))
        .rebalance().map(e -> e).setParallelism(2)
        .keyBy(e -> e.f0)
        .process(new CountAtTimer()).setParallelism(3)
        .executeAndCollect(Integer.MAX_VALUE);
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected());
  }

  /** Events per timestamp of the current key, and the count a timer prints. */
  static final class Seen {
    private final MapState<Long, Long> perTimestamp;

    Seen(RuntimeContext context) {
      perTimestamp = context.getMapState(new MapStateDescriptor<>("per-timestamp", Types.LONG, Types.LONG));
    }

    void add(long timestamp, TimerService timers) throws Exception {
      Long n = perTimestamp.get(timestamp);
      perTimestamp.put(timestamp, n == null ? 1 : n + 1);
      timers.registerEventTimeTimer(timestamp);
    }

    String fired(String key, long time) throws Exception {
      long n = 0;
      for (Map.Entry<Long, Long> e : perTimestamp.entries()) {
        if (e.getKey() <= time) {
          n += e.getValue();
        }
      }
      return key + "@" + time + "=" + n;
    }
  }

  static final class CountAtTimer extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
    private transient Seen seen;

    @Override
    public void open(OpenContext ctx) {
      seen = new Seen(getRuntimeContext());
    }

    @Override
    public void processElement(Tuple2<String, Long> e, Context ctx, Collector<String> out) throws Exception {
      seen.add(ctx.timestamp(), ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(seen.fired(ctx.getCurrentKey(), time));
    }
  }

  static final class CoCountAtTimer
      extends KeyedCoProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String> {
    private transient Seen seen;

    @Override
    public void open(OpenContext ctx) {
      seen = new Seen(getRuntimeContext());
    }

    @Override
    public void processElement1(Tuple2<String, Long> e, Context ctx, Collector<String> out) throws Exception {
      seen.add(ctx.timestamp(), ctx.timerService());
    }

    @Override
    public void processElement2(Tuple2<String, Long> e, Context ctx, Collector<String> out) throws Exception {
      seen.add(ctx.timestamp(), ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(seen.fired(ctx.getCurrentKey(), time));
    }
  }
}
