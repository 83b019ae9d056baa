package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.StreamExecutionEnvironment;
import io.eddy.api.functions.BroadcastProcessFunction;
import io.eddy.api.functions.CoMapFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.functions.async.ResultFuture;
import io.eddy.api.functions.async.RichAsyncFunction;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.types.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-key order through every operator shape that keeps it in Flink. Flink delivers the records
 * of one channel (producer subtask to consumer subtask) in order, so a key keeps its order along
 * any path where all its records take the same channels: forward edges between operators of the
 * same parallelism (chained or not), keyBy, a point-wise rescale at equal parallelism, union and
 * connect (each key on one input), side outputs, the non-broadcast side of a broadcast connect,
 * and ordered async I/O. (Rebalance, shuffle and a forward-looking edge to another parallelism
 * spread a key over channels; Flink promises no order there.) Each job: a parallelism-1 source,
 * keyBy at parallelism 3, the shape under test, then keyBy to a running sum per key at
 * parallelism 2; by Flink's semantics each key's sums are those of its input order, which the
 * model computes. A record reaching the sum out of order pairs its sequence number with another
 * sum.
 */
@Timeout(120)
class PerKeyOrderConformanceTest {
  private static final int RECORDS = 3000;
  private static final int KEYS = 13;

  /** (key, sequence number, value). */
  private static List<Tuple3<String, Long, Long>> input() {
    List<Tuple3<String, Long, Long>> input = new ArrayList<>();
    for (long i = 0; i < RECORDS; i++) {
      input.add(Tuple3.of("k" + (i * 5 % KEYS), i, i * 7 % 11));
    }
    return input;
  }

  private static boolean evenKey(Tuple3<String, Long, Long> t) {
    return Integer.parseInt(t.f0.substring(1)) % 2 == 0;
  }

  /** A shape: what a Flink user puts between two keyed operators. */
  record Shape(String name, UnaryOperator<DataStream<Tuple3<String, Long, Long>>> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Shape> shapes() {
    OutputTag<Tuple3<String, Long, Long>> odd = new OutputTag<>("odd-keys") {};
    MapStateDescriptor<String, Long> rules = new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);
    return Stream.of(
        new Shape("map, filter and flatMap chained", s -> s.map(t -> t).filter(t -> t.f1 >= 0)
            .flatMap((Tuple3<String, Long, Long> t, Collector<Tuple3<String, Long, Long>> out) -> out.collect(t))
            .returns(Types.TUPLE(Types.STRING, Types.LONG, Types.LONG))),
        new Shape("process function", s -> s.process(new PassThrough())),
        new Shape("startNewChain and disableChaining", s -> s.map(t -> t).startNewChain().map(t -> t)
            .disableChaining().map(t -> t)),
        new Shape("assignTimestampsAndWatermarks", s -> s.assignTimestampsAndWatermarks(
            WatermarkStrategy.<Tuple3<String, Long, Long>>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f1))),
        new Shape("keyBy to another parallelism", s -> s.keyBy(t -> t.f0).map(t -> t).setParallelism(4)),
        new Shape("rescale at equal parallelism", s -> s.rescale().map(t -> t)),
        new Shape("union of two paths", s -> s.filter(PerKeyOrderConformanceTest::evenKey)
            .union(s.filter(t -> !evenKey(t)))),
        new Shape("side output unioned with the main output", s -> {
          SingleOutputStreamOperator<Tuple3<String, Long, Long>> split = s.process(new SplitOddKeys(odd));
          return split.union(split.getSideOutput(odd));
        }),
        new Shape("connect with CoMap", s -> s.filter(PerKeyOrderConformanceTest::evenKey)
            .connect(s.filter(t -> !evenKey(t))).map(new Both())),
        new Shape("broadcast connect", s -> s.connect(s.getExecutionEnvironment().fromData("rule").broadcast(rules))
            .process(new IgnoreRules())),
        new Shape("orderedWait async I/O", s -> AsyncDataStream.orderedWait(s, new LateEcho(), 30, TimeUnit.SECONDS,
            16)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void eachKeyReachesTheNextKeyedOperatorInItsInputOrder(Shape shape) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
    DataStream<Tuple3<String, Long, Long>> keyed = env.fromData(input()).keyBy(t -> t.f0).map(t -> t);
    List<String> out = shape.apply().apply(keyed)
        .keyBy(t -> t.f0)
        .process(new RunningSum()).setParallelism(2)
        .executeAndCollect(Integer.MAX_VALUE);
    Map<String, Long> sums = new HashMap<>();
    List<String> expected = new ArrayList<>();
    for (Tuple3<String, Long, Long> t : input()) {
      expected.add(t.f0 + "#" + t.f1 + "=" + sums.merge(t.f0, t.f2, Long::sum));
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Running sum of the values per key; emits "key#sequence=sum". */
  static final class RunningSum extends KeyedProcessFunction<String, Tuple3<String, Long, Long>, String> {
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext ctx) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Tuple3<String, Long, Long> t, Context ctx, Collector<String> out) throws Exception {
      long s = (sum.value() == null ? 0 : sum.value()) + t.f2;
      sum.update(s);
      out.collect(t.f0 + "#" + t.f1 + "=" + s);
    }
  }

  static final class PassThrough extends ProcessFunction<Tuple3<String, Long, Long>, Tuple3<String, Long, Long>> {
    @Override
    public void processElement(Tuple3<String, Long, Long> t, Context ctx, Collector<Tuple3<String, Long, Long>> out) {
      out.collect(t);
    }
  }

  /** Odd keys to the side output, even keys to the main output. */
  static final class SplitOddKeys extends ProcessFunction<Tuple3<String, Long, Long>, Tuple3<String, Long, Long>> {
    private final OutputTag<Tuple3<String, Long, Long>> odd;

    SplitOddKeys(OutputTag<Tuple3<String, Long, Long>> odd) {
      this.odd = odd;
    }

    @Override
    public void processElement(Tuple3<String, Long, Long> t, Context ctx, Collector<Tuple3<String, Long, Long>> out) {
      if (evenKey(t)) {
        out.collect(t);
      } else {
        ctx.output(odd, t);
      }
    }
  }

  static final class Both implements CoMapFunction<Tuple3<String, Long, Long>, Tuple3<String, Long, Long>,
      Tuple3<String, Long, Long>> {
    @Override
    public Tuple3<String, Long, Long> map1(Tuple3<String, Long, Long> t) {
      return t;
    }

    @Override
    public Tuple3<String, Long, Long> map2(Tuple3<String, Long, Long> t) {
      return t;
    }
  }

  static final class IgnoreRules
      extends BroadcastProcessFunction<Tuple3<String, Long, Long>, String, Tuple3<String, Long, Long>> {
    @Override
    public void processElement(Tuple3<String, Long, Long> t, ReadOnlyContext ctx,
        Collector<Tuple3<String, Long, Long>> out) {
      out.collect(t);
    }

    @Override
    public void processBroadcastElement(String rule, Context ctx, Collector<Tuple3<String, Long, Long>> out) {}
  }

  /** Answers on another thread, later for some records than for those after them. */
  static final class LateEcho extends RichAsyncFunction<Tuple3<String, Long, Long>, Tuple3<String, Long, Long>> {
    @Override
    public void asyncInvoke(Tuple3<String, Long, Long> t, ResultFuture<Tuple3<String, Long, Long>> result) {
      CompletableFuture.delayedExecutor(t.f1 % 3, TimeUnit.MILLISECONDS)
          .execute(() -> result.complete(List.of(t)));
    }
  }
}
