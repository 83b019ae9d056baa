package io.eddy.conformance;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.AllWindowFunction;
import io.eddy.api.functions.CoGroupFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.JoinFunction;
import io.eddy.api.functions.ProcessAllWindowFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkGeneratorContext;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.windowing.ContinuousEventTimeTrigger;
import io.eddy.api.windowing.CountEvictor;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.api.windowing.TimeEvictor;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.List;

/**
 * The window jobs of the conformance suite, written as a Flink user writes them. Their twin for
 * Apache Flink 2.3 is benchmarks/flink-windows (the same code with Flink's imports and
 * environment), whose printed results are the expected outputs of {@link WindowConformanceTest}.
 * Events are (key, value, timestamp); watermarks are punctuated, trailing the highest timestamp
 * seen by 3 ms, so which records are late does not depend on timing.
 */
final class WindowJobs {
  private WindowJobs() {}

  static DataStream<Tuple3<String, Integer, Long>> events(StreamEnvironment env, List<Tuple3<String, Integer, Long>> events) {
    return env.fromCollection(events).assignTimestampsAndWatermarks(new TrailingWatermarks(3)
        .withTimestampAssigner((e, ts) -> e.f2)).setParallelism(1);
  }

  static Tuple3<String, Integer, Long> e(String key, int value, long timestamp) {
    return Tuple3.of(key, value, timestamp);
  }

  /** Emits, after each record, a watermark {@code lag} below the highest timestamp so far. */
  static final class TrailingWatermarks implements WatermarkStrategy<Tuple3<String, Integer, Long>> {
    private final long lag;

    TrailingWatermarks(long lag) {
      this.lag = lag;
    }

    @Override
    public WatermarkGenerator<Tuple3<String, Integer, Long>> createWatermarkGenerator(WatermarkGeneratorContext ctx) {
      return new WatermarkGenerator<>() {
        private long max = Long.MIN_VALUE + lag;

        @Override
        public void onEvent(Tuple3<String, Integer, Long> event, long timestamp, WatermarkOutput output) {
          max = Math.max(max, timestamp);
          output.emitWatermark(new Watermark(max - lag));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
      };
    }
  }

  /** "key@start:v1,v2,..": a window's values in arrival order. */
  static final class ListValues
      extends ProcessWindowFunction<Tuple3<String, Integer, Long>, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple3<String, Integer, Long>> elements,
        Collector<String> out) {
      StringBuilder sb = new StringBuilder(key).append('@').append(ctx.window().getStart()).append(':');
      for (Tuple3<String, Integer, Long> e : elements) {
        sb.append(e.f1).append(',');
      }
      out.collect(sb.substring(0, sb.length() - 1));
    }
  }

  /** Tumbling 10 ms windows, 5 ms allowed lateness, late records to a side output. */
  static DataStream<String> lateness(StreamEnvironment env, List<Tuple3<String, Integer, Long>> input) {
    OutputTag<Tuple3<String, Integer, Long>> late = new OutputTag<>("late") {};
    SingleOutputStreamOperator<String> windows = events(env, input).keyBy(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofMillis(5))
        .sideOutputLateData(late)
        .process(new ListValues());
    return windows.union(windows.getSideOutput(late).map(e -> "late " + e.f0 + ":" + e.f1 + "@" + e.f2));
  }

  /** countWindow(3) with reduce, and countWindow(3, 2) listing what each firing sees. */
  static DataStream<String> countWindows(StreamEnvironment env, List<Tuple3<String, Integer, Long>> input) {
    DataStream<Tuple3<String, Integer, Long>> events = env.fromCollection(input);
    DataStream<String> tumbling = events.keyBy(e -> e.f0).countWindow(3)
        .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, Math.max(a.f2, b.f2)))
        .map(e -> "tumbling " + e.f0 + ":" + e.f1);
    DataStream<String> sliding = events.keyBy(e -> e.f0).countWindow(3, 2)
        .process(new ProcessWindowFunction<Tuple3<String, Integer, Long>, String, String, GlobalWindow>() {
          @Override
          public void process(String key, Context ctx, Iterable<Tuple3<String, Integer, Long>> elements,
              Collector<String> out) {
            StringBuilder sb = new StringBuilder("sliding ").append(key).append(':');
            for (Tuple3<String, Integer, Long> e : elements) {
              sb.append(e.f1).append(',');
            }
            out.collect(sb.substring(0, sb.length() - 1));
          }
        });
    return tumbling.union(sliding);
  }

  /** Evictors on 100 ms tumbling windows: before (count, time) and after evaluation, and under reduce. */
  static DataStream<String> evictors(StreamEnvironment env, List<Tuple3<String, Integer, Long>> input) {
    DataStream<Tuple3<String, Integer, Long>> events = events(env, input);
    DataStream<String> count = events.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(CountEvictor.of(2)).process(new ListValues()).map(s -> "count " + s);
    DataStream<String> time = events.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(TimeEvictor.of(Duration.ofMillis(15))).process(new ListValues()).map(s -> "time " + s);
    DataStream<String> after = events.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .allowedLateness(Duration.ofMillis(50)).evictor(CountEvictor.of(2, true))
        .process(new ListValues()).map(s -> "after " + s);
    DataStream<String> reduced = events.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(TimeEvictor.of(Duration.ofMillis(15)))
        .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, Math.max(a.f2, b.f2)))
        .map(e -> "reduce " + e.f0 + ":" + e.f1);
    return count.union(time, after, reduced);
  }

  /** Counts elements, for the continuous trigger. */
  static final class Count implements AggregateFunction<Tuple3<String, Integer, Long>, Long, Long> {
    @Override public Long createAccumulator() { return 0L; }
    @Override public Long add(Tuple3<String, Integer, Long> value, Long acc) { return acc + 1; }
    @Override public Long getResult(Long acc) { return acc; }
    @Override public Long merge(Long a, Long b) { return a + b; }
  }

  /** A 100 ms window fired every 30 ms of event time: "key@start:count@watermark" per firing.
   * "tick" records only advance event time (they are filtered out before the window).
   */
  static DataStream<String> continuousEventTime(StreamEnvironment env, List<Tuple3<String, Integer, Long>> input) {
    // The filter runs at the source's parallelism, chained to it: at the default parallelism a
    // rebalance would split records and watermarks over two paths, and which record reaches the
    // window before a watermark would depend on thread timing (in Flink as in Eddy).
    return events(env, input).filter(e -> !e.f0.equals("tick")).setParallelism(1).keyBy(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(30)))
        .aggregate(new Count(), new ProcessWindowFunction<Long, String, String, TimeWindow>() {
          @Override
          public void process(String key, Context ctx, Iterable<Long> counts, Collector<String> out) {
            out.collect(key + "@" + ctx.window().getStart() + ":" + counts.iterator().next() + "@"
                + ctx.currentWatermark());
          }
        });
  }

  /** windowAll over event time (records of every key together), and countWindowAll with a reduce. */
  static DataStream<String> windowAll(StreamEnvironment env, List<Tuple3<String, Integer, Long>> input) {
    DataStream<Tuple3<String, Integer, Long>> events = events(env, input);
    DataStream<String> timed = events.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .process(new ProcessAllWindowFunction<Tuple3<String, Integer, Long>, String, TimeWindow>() {
          @Override
          public void process(Context ctx, Iterable<Tuple3<String, Integer, Long>> elements, Collector<String> out) {
            int sum = 0;
            for (Tuple3<String, Integer, Long> e : elements) {
              sum += e.f1;
            }
            out.collect("all@" + ctx.window().getStart() + ":" + sum);
          }
        });
    DataStream<String> counted = events.countWindowAll(3)
        .apply((AllWindowFunction<Tuple3<String, Integer, Long>, String, GlobalWindow>) (window, values, out) -> {
          StringBuilder sb = new StringBuilder("count:");
          for (Tuple3<String, Integer, Long> e : values) {
            sb.append(e.f1).append(',');
          }
          out.collect(sb.substring(0, sb.length() - 1));
        });
    return timed.union(counted);
  }

  /** Window join and coGroup of two event-time streams on the key, in 10 ms tumbling windows. */
  static DataStream<String> joinAndCoGroup(StreamEnvironment env, List<Tuple3<String, Integer, Long>> left,
      List<Tuple3<String, Integer, Long>> right) {
    DataStream<Tuple3<String, Integer, Long>> l = events(env, left);
    DataStream<Tuple3<String, Integer, Long>> r = events(env, right);
    DataStream<String> joined = l.join(r).where(e -> e.f0).equalTo(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .apply((JoinFunction<Tuple3<String, Integer, Long>, Tuple3<String, Integer, Long>, String>) (a, b) ->
            "join " + a.f0 + ":" + a.f1 + "-" + b.f1);
    DataStream<String> coGrouped = l.coGroup(r).where(e -> e.f0).equalTo(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .apply((CoGroupFunction<Tuple3<String, Integer, Long>, Tuple3<String, Integer, Long>, String>)
            (as, bs, out) -> {
              StringBuilder sb = new StringBuilder("coGroup [");
              as.forEach(a -> sb.append(a.f0).append(a.f1).append(' '));
              sb.append("] [");
              bs.forEach(b -> sb.append(b.f0).append(b.f1).append(' '));
              out.collect(sb.append(']').toString());
            });
    return joined.union(coGrouped);
  }
}
