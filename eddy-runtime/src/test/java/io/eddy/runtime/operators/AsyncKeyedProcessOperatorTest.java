package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.Collector;
import io.eddy.api.state.v2.ListState;
import io.eddy.api.state.v2.ListStateDescriptor;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.api.state.v2.ValueState;
import io.eddy.api.state.v2.ValueStateDescriptor;
import io.eddy.api.tuple.Tuple2;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * keyBy(...).enableAsyncState().process(...) with V2 state and event-time timers gives, between
 * watermarks, the output of the same function on synchronous state, also when a checkpoint is
 * taken with requests in flight and the job resumes from it; misuse is refused naming the operator.
 */
class AsyncKeyedProcessOperatorTest {

  /** Counts per key and keeps the values; a timer 5 after each record reports and clears them. */
  static final class AsyncCounter extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
    private transient ValueState<Long> count;
    private transient ListState<Integer> values;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      values = getRuntimeContext().getListState(new ListStateDescriptor<>("values", Integer.class));
    }

    @Override
    public void processElement(Tuple2<String, Integer> in, Context ctx, Collector<String> out) {
      long timestamp = ctx.timestamp();
      values.asyncAdd(in.f1);
      count.asyncValue().thenCompose(c -> {
        long n = c == null ? 1 : c + 1;
        out.collect(ctx.getCurrentKey() + ":" + in.f1 + "#" + n + "@" + ctx.timestamp());
        ctx.timerService().registerEventTimeTimer(timestamp + 5);
        return count.asyncUpdate(n);
      });
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) {
      StateFutureUtils.toIterable(values.asyncGet()).thenCombine(count.asyncValue(), (list, c) -> {
        out.collect(ctx.getCurrentKey() + "@" + time + " count=" + c + " values=" + list + " " + ctx.timeDomain());
        return null;
      }).thenCompose(ignored -> values.asyncClear());
    }
  }

  /** The same function on synchronous state. */
  static final class SyncCounter extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
    private transient io.eddy.api.state.ValueState<Long> count;
    private transient io.eddy.api.state.ListState<Integer> values;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>("count", Long.class));
      values = getRuntimeContext().getListState(new io.eddy.api.state.ListStateDescriptor<>("values", Integer.class));
    }

    @Override
    public void processElement(Tuple2<String, Integer> in, Context ctx, Collector<String> out) throws Exception {
      values.add(in.f1);
      Long c = count.value();
      long n = c == null ? 1 : c + 1;
      out.collect(ctx.getCurrentKey() + ":" + in.f1 + "#" + n + "@" + ctx.timestamp());
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
      count.update(n);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
      List<Integer> list = new ArrayList<>();
      values.get().forEach(list::add);
      out.collect(ctx.getCurrentKey() + "@" + time + " count=" + count.value() + " values=" + list + " "
          + ctx.timeDomain());
      values.clear();
    }
  }

  private static OneInputHarness<Tuple2<String, Integer>, String> async() {
    return OneInputHarness.of(s -> s.keyBy(t -> t.f0).enableAsyncState().process(new AsyncCounter()));
  }

  private static OneInputHarness<Tuple2<String, Integer>, String> sync() {
    return OneInputHarness.of(s -> s.keyBy(t -> t.f0).process(new SyncCounter()));
  }

  /** Records of 5 keys with a watermark every 7; event time is the position. */
  private static List<Object> input(long seed) {
    Random random = new Random(seed);
    List<Object> in = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      in.add(Tuple2.of("k" + random.nextInt(5), random.nextInt(100)));
      if (i % 7 == 6) {
        in.add((long) i - 2);
      }
    }
    return in;
  }

  /** Feeds input[from, to); returns the output at each watermark, sorted (keys interleave freely). */
  @SuppressWarnings("unchecked")
  private static List<List<String>> feed(OneInputHarness<Tuple2<String, Integer>, String> h, List<Object> in, int from,
      int to) throws Exception {
    List<List<String>> segments = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (in.get(i) instanceof Long watermark) {
        h.processWatermark(watermark);
        segments.add(h.output().stream().sorted().toList());
        h.clearOutput();
      } else {
        h.processElement((Tuple2<String, Integer>) in.get(i), i);
      }
    }
    return segments;
  }

  @Test
  void outputBetweenWatermarksEqualsTheSynchronousFunction() throws Exception {
    List<Object> in = input(1);
    var a = async().open();
    var s = sync().open();
    assertThat(feed(a, in, 0, in.size())).isEqualTo(feed(s, in, 0, in.size()));
    a.endInput();
    s.endInput();
    assertThat(a.output().stream().sorted().toList()).isEqualTo(s.output().stream().sorted().toList());
    a.close();
    s.close();
  }

  @Test
  void aCheckpointWithRequestsInFlightResumesToTheSameOutput() throws Exception {
    List<Object> in = input(2);
    int cut = 123; // not at a watermark: records of this segment are in flight at the snapshot
    var s = sync().open();
    List<List<String>> expected = feed(s, in, 0, in.size());
    s.close();

    var first = async().open();
    List<List<String>> actual = new ArrayList<>(feed(first, in, 0, cut));
    HarnessSnapshot snapshot = first.snapshot();
    List<String> beforeCut = new ArrayList<>(first.output());
    first.close();
    var resumed = async().restore(snapshot).open();
    List<List<String>> after = feed(resumed, in, cut, in.size());
    List<String> joined = new ArrayList<>(beforeCut);
    joined.addAll(after.get(0));
    actual.add(joined.stream().sorted().toList());
    actual.addAll(after.subList(1, after.size()));
    assertThat(actual).isEqualTo(expected);
    resumed.close();
  }

  @Test
  void asyncStateWithoutEnableAsyncStateIsRefused() {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(t -> t.f0).process(new AsyncCounter()));
    assertThatThrownBy(h::open).hasMessageContaining("'count'").hasMessageContaining("enableAsyncState()");
  }

  @Test
  void mixingSynchronousAndAsynchronousStateIsRefusedNamingTheOperator() {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(t -> t.f0).enableAsyncState()
        .process(new Mixer()).name("mixer"));
    assertThatThrownBy(h::open).hasMessageContaining("mixer").hasMessageContaining("'sync-count'")
        .hasMessageContaining("'async-count'");
  }

  /** Asks for one asynchronous and one synchronous state. */
  static final class Mixer extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().getState(new ValueStateDescriptor<>("async-count", Long.class));
      getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>("sync-count", Long.class));
    }

    @Override
    public void processElement(Tuple2<String, Integer> in, Context ctx, Collector<String> out) {}
  }
}
