package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.BroadcastProcessFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedBroadcastProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.tuple.Tuple2;
import io.eddy.runtime.testing.TwoInputHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broadcast operators against hand-computed expectations (Flink's documented semantics). */
class BroadcastOperatorsTest {
  static final MapStateDescriptor<String, Integer> THRESHOLDS =
      new MapStateDescriptor<>("thresholds", String.class, Integer.class);
  static final OutputTag<String> NO_RULE = new OutputTag<>("no-rule");

  /**
   * Events (key, value) against per-key thresholds from the broadcast side: values at or above
   * the key's threshold are alerts; keys without a rule go to a side output. Counts events per
   * key; a broadcast "reset" rule zeroes every key's count through applyToKeyedState. An
   * event-time timer 10 ms after each alert reports the count.
   */
  static final class Alerts extends KeyedBroadcastProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
    private transient ValueState<Integer> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(Tuple2<String, Integer> e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      count.update(count.value() == null ? 1 : count.value() + 1);
      Integer threshold = ctx.getBroadcastState(THRESHOLDS).get(e.f0);
      if (threshold == null) {
        ctx.output(NO_RULE, e.f0 + ":" + e.f1);
      } else if (e.f1 >= threshold) {
        out.collect("alert " + ctx.getCurrentKey() + " " + e.f1 + ">=" + threshold);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
      }
    }

    @Override
    public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx, Collector<String> out)
        throws Exception {
      if (rule.f0.equals("reset")) {
        ctx.applyToKeyedState(new ValueStateDescriptor<>("count", Integer.class), (key, state) -> {
          out.collect("reset " + key + " from " + state.value());
          state.update(0);
        });
        return;
      }
      ctx.getBroadcastState(THRESHOLDS).put(rule.f0, rule.f1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect("timer " + ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain() + " count=" + count.value()
          + " rule=" + ctx.getBroadcastState(THRESHOLDS).get(ctx.getCurrentKey()));
    }
  }

  private static TwoInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>, String> keyed(boolean async)
      throws Exception {
    var h = TwoInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>, String>of((events, rules) ->
        events.keyBy(e -> e.f0).connect(rules.broadcast(THRESHOLDS)).process(new Alerts()));
    return (async ? h.asyncState() : h).open();
  }

  /**
   * Also with execution.async-state.enabled: as in Flink, which has no asynchronous variant of this
   * operator, it keeps running on synchronous state (its keyed side and timers alike).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void keyedSideReadsRulesBroadcastSideWritesThemAndVisitsEveryKey(boolean async) throws Exception {
    var h = keyed(async);
    h.processElement1(Tuple2.of("a", 5), 1);
    h.processElement2(Tuple2.of("a", 3), 2);
    h.processElement2(Tuple2.of("b", 10), 2);
    h.processElement1(Tuple2.of("a", 2), 3);
    h.processElement1(Tuple2.of("a", 4), 4);
    h.processElement1(Tuple2.of("b", 10), 5);
    h.processElement1(Tuple2.of("c", 1), 6);
    assertThat(h.output()).containsExactly("alert a 4>=3", "alert b 10>=10");
    assertThat(h.outputTimestamps()).containsExactly(4L, 5L);
    assertThat(h.sideOutput(NO_RULE)).containsExactly("a:5", "c:1");

    h.processWatermark(14);
    assertThat(h.output()).hasSize(3).last().isEqualTo("timer a@14 " + TimeDomain.EVENT_TIME + " count=3 rule=3");
    h.clearOutput();
    h.processElement2(Tuple2.of("reset", 0), 20);
    assertThat(h.output()).containsExactlyInAnyOrder("reset a from 3", "reset b from 1", "reset c from 1");
    h.clearOutput();
    h.processWatermark(15);
    assertThat(h.output()).containsExactly("timer b@15 " + TimeDomain.EVENT_TIME + " count=0 rule=10");
  }

  @Test
  void watermarkIsTheMinimumOfBothInputs() throws Exception {
    var h = keyed(false);
    h.processWatermark1(100);
    assertThat(h.watermarks()).isEmpty();
    h.processWatermark2(50);
    assertThat(h.watermarks()).containsExactly(50L);
    h.processWatermark2(200);
    assertThat(h.watermarks()).containsExactly(50L, 100L);
  }

  /** Tries to write broadcast state from the non-broadcast side, or to read an undeclared one. */
  static final class Misuse extends KeyedBroadcastProcessFunction<String, String, String, String> {
    @Override
    @SuppressWarnings("unchecked")
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      if (value.equals("write")) {
        ((BroadcastState<String, Integer>) (Object) ctx.getBroadcastState(THRESHOLDS)).put("x", 1);
      } else {
        ctx.getBroadcastState(new MapStateDescriptor<>("other", String.class, String.class));
      }
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
  }

  @Test
  void theKeyedSideCannotWriteNorReachUndeclaredStates() throws Exception {
    var h = TwoInputHarness.<String, String, String>of((events, rules) ->
        events.keyBy(e -> e).connect(rules.broadcast(THRESHOLDS)).process(new Misuse())).open();
    assertThatThrownBy(() -> h.processElement1("write", 1)).isInstanceOf(ClassCastException.class);
    assertThatThrownBy(() -> h.processElement1("other", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no broadcast state 'other'")
        .hasMessageContaining("broadcast(...)");
  }

  /** Non-keyed: tags every element with the broadcast state's current prefix. */
  static final class Prefix extends BroadcastProcessFunction<String, String, String> {
    static final MapStateDescriptor<String, String> CONFIG = new MapStateDescriptor<>("config", String.class, String.class);

    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      String prefix = ctx.getBroadcastState(CONFIG).get("prefix");
      out.collect((prefix == null ? "" : prefix) + value + "@" + ctx.timestamp());
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(CONFIG).put("prefix", value);
      int n = 0;
      for (Map.Entry<String, String> ignored : ctx.getBroadcastState(CONFIG).immutableEntries()) {
        n++;
      }
      ctx.output(NO_RULE, "entries=" + n);
    }
  }

  @Test
  void nonKeyedBroadcastFunctionSeesTheLatestBroadcastValue() throws Exception {
    var h = TwoInputHarness.<String, String, String>of((events, config) ->
        events.connect(config.broadcast(Prefix.CONFIG)).process(new Prefix())).open();
    h.processElement1("x", 1);
    h.processElement2("p1-", 2);
    h.processElement1("y", 3);
    h.processElement2("p2-", 4);
    h.processElement1("z", 5);
    assertThat(h.output()).containsExactly("x@1", "p1-y@3", "p2-z@5");
    assertThat(h.sideOutput(NO_RULE)).containsExactly("entries=1", "entries=1");
  }

  @Test
  void theFunctionMustMatchWhetherTheStreamIsKeyed() {
    assertThatThrownBy(() -> TwoInputHarness.<String, String, String>of((events, config) ->
        events.keyBy(e -> e).connect(config.broadcast(Prefix.CONFIG)).process(new Prefix())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-keyed");
    assertThatThrownBy(() -> TwoInputHarness.<String, String, String>of((events, config) ->
        events.connect(config.broadcast(Prefix.CONFIG)).process(new Misuse())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyed stream");
    assertThatThrownBy(() -> TwoInputHarness.<String, String, String>of((events, config) ->
        events.connect(config.broadcast(new MapStateDescriptor<?, ?>[0])).process(new Prefix())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MapStateDescriptor");
  }

  /** Keeps a count in asynchronous (V2) state. */
  static final class AsyncCounts
      extends KeyedBroadcastProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
    @Override
    public void open(OpenContext ctx) {
      getRuntimeContext().getState(new io.eddy.api.state.v2.ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(Tuple2<String, Integer> e, ReadOnlyContext ctx, Collector<String> out) {}

    @Override
    public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx, Collector<String> out) {}
  }

  @Test
  void asynchronousStateIsRefusedEvenWhenTheJobRunsTheAsynchronousModel() {
    var h = TwoInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>, String>of((events, rules) ->
        events.keyBy(e -> e.f0).connect(rules.broadcast(THRESHOLDS)).process(new AsyncCounts())).asyncState();
    assertThatThrownBy(h::open).hasMessageContaining("Asynchronous state 'count' is available only on a keyed stream "
        + "with enableAsyncState()");
  }
}
