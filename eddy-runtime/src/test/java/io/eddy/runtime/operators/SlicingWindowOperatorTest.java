package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.datastream.WindowedStream;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.EventTimeTrigger;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.TriggerResult;
import io.eddy.api.windowing.Window;
import io.eddy.runtime.operators.windowing.SlicingWindowOperator;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sliding windows through slices give what the general window operator gives: the same
 * results with the same timestamps, the same late records, on random keyed streams with
 * disorder, late records and watermarks, with and without a window offset.
 */
class SlicingWindowOperatorTest {
  private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late");

  @Test
  void takesOnlyDefaultTriggerAggregatesWithoutLateness() {
    assertThat(SlicingWindowOperator.supports(spec(s -> windows(s, 0).aggregate(new Sum(), new Describe()))))
        .isTrue();
    assertThat(SlicingWindowOperator.supports(spec(s -> windows(s, 0).trigger(new SameAsEventTimeTrigger())
        .aggregate(new Sum(), new Describe())))).isFalse();
    assertThat(SlicingWindowOperator.supports(spec(s -> windows(s, 0).allowedLateness(Duration.ofMillis(1))
        .aggregate(new Sum(), new Describe())))).isFalse();
    assertThat(SlicingWindowOperator.supports(spec(s -> windows(s, 0).reduce((a, b) -> a)))).isFalse();
    assertThat(SlicingWindowOperator.supports(spec(s -> s.keyBy(x -> x.f0)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3)))
        .aggregate(new Sum(), new Describe())))).isFalse();
  }

  @Test
  void slicedWindowsMatchTheGeneralOperator() throws Exception {
    int late = 0;
    for (int seed = 0; seed < 20; seed++) {
      long offset = seed % 2 == 0 ? 0 : 3;
      Run sliced = run(seed, s -> windows(s, offset).sideOutputLateData(LATE).aggregate(new Sum(), new Describe()));
      Run general = run(seed, s -> windows(s, offset).trigger(new SameAsEventTimeTrigger())
          .sideOutputLateData(LATE).aggregate(new Sum(), new Describe()));
      assertThat(sliced.output).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(general.output);
      assertThat(sliced.late).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(general.late);
      assertThat(sliced.output).isNotEmpty();
      late += general.late.size();
    }
    assertThat(late).isPositive();
  }

  private static WindowedStream<Tuple2<String, Integer>, String, TimeWindow> windows(
      DataStream<Tuple2<String, Integer>> s, long offset) {
    return s.keyBy(x -> x.f0).window(SlidingEventTimeWindows.of(Duration.ofMillis(15), Duration.ofMillis(5),
        Duration.ofMillis(offset)));
  }

  private static OperatorSpec.WindowSpec spec(
      Function<DataStream<Tuple2<String, Integer>>, DataStream<?>> pipeline) {
    DataStream<Tuple2<String, Integer>> input = StreamEnvironment.create().fromCollection(List.of());
    return (OperatorSpec.WindowSpec) ((OneInputTransformation<?, ?>) pipeline.apply(input).getTransformation())
        .getSpec();
  }

  private record Run(List<String> output, List<Tuple2<String, Integer>> late) {}

  private static Run run(int seed, Function<DataStream<Tuple2<String, Integer>>, DataStream<String>> pipeline)
      throws Exception {
    Random random = new Random(seed);
    var h = OneInputHarness.of(pipeline).open();
    long time = 0;
    for (int i = 0; i < 400; i++) {
      time += random.nextInt(4);
      long timestamp = Math.max(0, time - random.nextInt(random.nextInt(10) == 0 ? 30 : 6));
      h.processElement(Tuple2.of("k" + random.nextInt(4), random.nextInt(100)), timestamp);
      if (random.nextInt(8) == 0) {
        h.processWatermark(time - 8);
      }
    }
    h.endInput();
    List<String> output = new ArrayList<>();
    for (int i = 0; i < h.output().size(); i++) {
      output.add(h.output().get(i) + " at " + h.outputTimestamps().get(i));
    }
    return new Run(output, h.sideOutput(LATE));
  }

  /** Sum of the values, and of their count, in one accumulator. */
  static final class Sum implements AggregateFunction<Tuple2<String, Integer>, long[], String> {
    @Override public long[] createAccumulator() { return new long[2]; }
    @Override public long[] add(Tuple2<String, Integer> v, long[] acc) { acc[0] += v.f1; acc[1]++; return acc; }
    @Override public String getResult(long[] acc) { return acc[0] + "/" + acc[1]; }
    @Override public long[] merge(long[] a, long[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
  }

  /** "key@start-end:sum/count". */
  static final class Describe extends ProcessWindowFunction<String, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<String> results, Collector<String> out) {
      for (String r : results) {
        out.collect(key + "@" + ctx.window().getStart() + "-" + ctx.window().getEnd() + ":" + r);
      }
    }
  }

  /** The event-time trigger under another identity, so the spec goes to the general operator. */
  static final class SameAsEventTimeTrigger extends Trigger<Object, Window> {
    private final Trigger<Object, Window> delegate = EventTimeTrigger.create();

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx)
        throws Exception {
      return delegate.onElement(element, timestamp, window, ctx);
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) throws Exception {
      return delegate.onProcessingTime(time, window, ctx);
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) throws Exception {
      return delegate.onEventTime(time, window, ctx);
    }

    @Override
    public void clear(Window window, TriggerContext ctx) throws Exception {
      delegate.clear(window, ctx);
    }
  }
}
