package io.eddy.benchmarks.flinkcep;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.OutputTag;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.util.Collector;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.functions.TimedOutPartialMatchHandler;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.WithinType;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CEP jobs of Eddy's conformance suite (eddy-cep, io.eddy.cep.conformance.CepJobs) on Apache
 * Flink 2.3: the same code with Flink's imports (and WatermarkGeneratorSupplier.Context for
 * Eddy's WatermarkGeneratorContext). Events are (key, value, timestamp): the value's last digit
 * is its kind (1 = a, 2 = b, 3 = c, 0 = x), the rest its weight. Watermarks are punctuated,
 * trailing the highest timestamp seen by 3 ms, so which events are late does not depend on timing.
 */
final class FlinkCepJobs {
  private static final OutputTag<String> TIMEOUTS = new OutputTag<>("timeouts") {};
  private static final OutputTag<Tuple3<String, Integer, Long>> LATE = new OutputTag<>("late") {};

  static final List<Tuple3<String, Integer, Long>> INPUT = List.of(
      e("k", 11, 1), e("k", 22, 2), e("j", 11, 2), e("k", 10, 3), e("j", 12, 3), e("k", 21, 4), e("k", 32, 5),
      e("k", 13, 6), e("k", 12, 7), e("k", 43, 8), e("j", 13, 20), e("k", 11, 30), e("k", 22, 31),
      e("k", 33, 45), e("k", 11, 25), e("k", 10, 60), e("j", 11, 61), e("j", 22, 62), e("j", 32, 63),
      e("j", 12, 64), e("j", 23, 65));

  private FlinkCepJobs() {}

  static Tuple3<String, Integer, Long> e(String key, int value, long timestamp) {
    return Tuple3.of(key, value, timestamp);
  }

  private static SimpleCondition<Tuple3<String, Integer, Long>> kind(int kind) {
    return SimpleCondition.of(e -> e.f1 % 10 == kind);
  }

  private static Pattern<Tuple3<String, Integer, Long>, Tuple3<String, Integer, Long>> start(String name, int kind) {
    return Pattern.<Tuple3<String, Integer, Long>>begin(name).where(kind(kind));
  }

  private static Pattern<Tuple3<String, Integer, Long>, Tuple3<String, Integer, Long>> start(String name, int kind,
      AfterMatchSkipStrategy skip) {
    return Pattern.<Tuple3<String, Integer, Long>>begin(name, skip).where(kind(kind));
  }

  /** Every pattern of the suite, by name. */
  static Map<String, Pattern<Tuple3<String, Integer, Long>, ?>> patterns() {
    Map<String, Pattern<Tuple3<String, Integer, Long>, ?>> p = new LinkedHashMap<>();
    p.put("next", start("a", 1).next("b").where(kind(2)));
    p.put("followedBy", start("a", 1).followedBy("c").where(kind(3)));
    p.put("followedByAny", start("a", 1).followedByAny("c").where(kind(3)));
    p.put("notNext", start("a", 1).notNext("nb").where(kind(2)).followedBy("c").where(kind(3)));
    p.put("notFollowedBy", start("a", 1).notFollowedBy("nx").where(kind(0)).followedBy("c").where(kind(3)));
    p.put("times", start("b", 2).times(2));
    p.put("timesRangeConsecutive", start("b", 2).times(2, 3).consecutive());
    p.put("timesAllowCombinations", start("b", 2).times(2).allowCombinations());
    p.put("oneOrMore", start("a", 1).followedBy("b").where(kind(2)).oneOrMore().followedBy("c").where(kind(3)));
    p.put("oneOrMoreUntil", start("b", 2).oneOrMore().until(kind(3)));
    p.put("greedy", start("a", 1).followedBy("b").where(kind(2)).oneOrMore().greedy().followedBy("c")
        .where(kind(3)));
    p.put("optional", start("a", 1).followedBy("b").where(kind(2)).optional().followedBy("c").where(kind(3)));
    p.put("timesOrMore", start("b", 2).timesOrMore(2).followedBy("c").where(kind(3)));
    p.put("or", start("a", 1).or(kind(0)).next("b").where(kind(2)));
    p.put("withinTimeouts", start("a", 1).followedBy("c").where(kind(3)).within(Duration.ofMillis(10)));
    p.put("withinPreviousAndCurrent", start("a", 1).followedBy("b").where(kind(2)).followedBy("c").where(kind(3))
        .within(Duration.ofMillis(3), WithinType.PREVIOUS_AND_CURRENT));
    p.put("skipNone", start("b", 2, AfterMatchSkipStrategy.noSkip()).oneOrMore().followedBy("c").where(kind(3)));
    p.put("skipToNext", start("b", 2, AfterMatchSkipStrategy.skipToNext()).oneOrMore().followedBy("c")
        .where(kind(3)));
    p.put("skipPastLast", start("b", 2, AfterMatchSkipStrategy.skipPastLastEvent()).oneOrMore().followedBy("c")
        .where(kind(3)));
    p.put("skipToFirst", start("b", 2, AfterMatchSkipStrategy.skipToFirst("b")).oneOrMore().followedBy("c")
        .where(kind(3)));
    p.put("skipToLast", start("b", 2, AfterMatchSkipStrategy.skipToLast("b")).oneOrMore().followedBy("c")
        .where(kind(3)));
    p.put("group", Pattern.begin(start("a", 1).followedBy("b").where(kind(2))).times(2).followedBy("c")
        .where(kind(3)));
    p.put("iterative", start("a", 1).followedBy("b").where(new WeightUpTo(4)).oneOrMore().followedBy("c")
        .where(kind(3)));
    return p;
  }

  /** A b whose weight, with the weights of the b's matched so far, stays at most {@code limit}. */
  static final class WeightUpTo extends IterativeCondition<Tuple3<String, Integer, Long>> {
    private final int limit;

    WeightUpTo(int limit) {
      this.limit = limit;
    }

    @Override
    public boolean filter(Tuple3<String, Integer, Long> value, Context<Tuple3<String, Integer, Long>> ctx)
        throws Exception {
      if (value.f1 % 10 != 2) {
        return false;
      }
      int sum = value.f1 / 10;
      for (Tuple3<String, Integer, Long> b : ctx.getEventsForPattern("b")) {
        sum += b.f1 / 10;
      }
      return sum <= limit;
    }
  }

  /** The matches, timeouts and late events of {@code pattern} over {@link #INPUT}, keyed by key. */
  static DataStream<String> job(StreamExecutionEnvironment env, Pattern<Tuple3<String, Integer, Long>, ?> pattern) {
    DataStream<Tuple3<String, Integer, Long>> events = env.fromData(INPUT)
        .assignTimestampsAndWatermarks(new TrailingWatermarks(3).withTimestampAssigner((e, ts) -> e.f2))
        .setParallelism(1);
    SingleOutputStreamOperator<String> matches = CEP.pattern(events.keyBy(e -> e.f0), pattern)
        .sideOutputLateData(LATE)
        .process(new Describe());
    return matches.union(matches.getSideOutput(TIMEOUTS),
        matches.getSideOutput(LATE).map(e -> "late " + e.f0 + ":" + e.f1 + "@" + e.f2));
  }

  /** "match key: name=value@ts,... @ts" per match; "timeout ..." per timed-out partial match. */
  static final class Describe extends PatternProcessFunction<Tuple3<String, Integer, Long>, String>
      implements TimedOutPartialMatchHandler<Tuple3<String, Integer, Long>> {
    @Override
    public void processMatch(Map<String, List<Tuple3<String, Integer, Long>>> match, Context ctx,
        Collector<String> out) {
      out.collect("match " + describe(match) + " @" + ctx.timestamp());
    }

    @Override
    public void processTimedOutMatch(Map<String, List<Tuple3<String, Integer, Long>>> match, Context ctx) {
      ctx.output(TIMEOUTS, "timeout " + describe(match) + " @" + ctx.timestamp());
    }

    private static String describe(Map<String, List<Tuple3<String, Integer, Long>>> match) {
      String key = match.values().iterator().next().get(0).f0;
      return key + ": " + new TreeMap<>(match).entrySet().stream()
          .map(s -> s.getKey() + "=" + s.getValue().stream().map(e -> e.f1 + "@" + e.f2)
              .collect(Collectors.joining(",")))
          .collect(Collectors.joining(" "));
    }
  }

  /** Emits, after each record, a watermark {@code lag} below the highest timestamp so far. */
  static final class TrailingWatermarks implements WatermarkStrategy<Tuple3<String, Integer, Long>> {
    private final long lag;

    TrailingWatermarks(long lag) {
      this.lag = lag;
    }

    @Override
    public WatermarkGenerator<Tuple3<String, Integer, Long>> createWatermarkGenerator(WatermarkGeneratorSupplier.Context ctx) {
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
}
