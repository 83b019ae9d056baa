package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamExecutionEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A watermark a generator emits for an event follows that event, as in Flink (its
 * TimestampsAndWatermarksOperator and source output emit the record, then call onEvent). With a
 * punctuated watermark equal to the event's timestamp, the event is therefore never late to its
 * own watermark: it still enters the window that the watermark then fires, and a timer at its
 * timestamp fires with its state updated.
 */
@Timeout(60)
class WatermarkOrderConformanceTest {
  /** Punctuated: the watermark is the event's timestamp. */
  static final class WatermarkIsTimestamp implements WatermarkGenerator<Tuple2<String, Long>> {
    @Override
    public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static DataStream<Tuple2<String, Long>> events(StreamExecutionEnvironment env, boolean atSource) {
    WatermarkStrategy<Tuple2<String, Long>> strategy = WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
        ctx -> new WatermarkIsTimestamp()).withTimestampAssigner((e, ts) -> e.f1);
    List<Tuple2<String, Long>> input = List.of(Tuple2.of("a", 9L), Tuple2.of("a", 10L), Tuple2.of("a", 19L));
    return atSource
        ? env.fromSource(new io.eddy.api.connector.CollectionSource<>(input), strategy, "events")
        : env.fromData(input).assignTimestampsAndWatermarks(strategy);
  }

  private static List<String> windows(boolean atSource) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
    List<String> out = events(env, atSource).keyBy(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .process(new ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow>() {
          @Override
          public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            List<Long> times = new ArrayList<>();
            elements.forEach(e -> times.add(e.f1));
            out.collect(key + "@" + ctx.window().getStart() + ":" + times + " wm=" + ctx.currentWatermark());
          }
        })
        .executeAndCollect(100);
    return out;
  }

  @Test
  void anEventEntersTheWindowItsOwnWatermarkFires() throws Exception {
    // Flink: a9 enters [0,10), then watermark 9 fires it; a10 and a19 enter [10,20), watermark 19 fires it.
    List<String> expected = List.of("a@0:[9] wm=9", "a@10:[10, 19] wm=19");
    assertThat(windows(false)).as("assignTimestampsAndWatermarks").isEqualTo(expected);
    assertThat(windows(true)).as("watermarks generated in the source").isEqualTo(expected);
  }

  /** Counts the key's events and registers a timer at each event's timestamp. */
  static final class CountAndTime extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
    private long count;

    @Override
    public void processElement(Tuple2<String, Long> e, Context ctx, Collector<String> out) {
      count++;
      ctx.timerService().registerEventTimeTimer(e.f1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect("timer " + timestamp + " after " + count + " events");
    }
  }

  @Test
  void aTimerAtTheEventsTimestampFiresRightAfterTheEvent() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
    List<String> out = events(env, false).keyBy(e -> e.f0).process(new CountAndTime()).executeAndCollect(100);
    assertThat(out).containsExactly("timer 9 after 1 events", "timer 10 after 2 events", "timer 19 after 3 events");
  }
}
