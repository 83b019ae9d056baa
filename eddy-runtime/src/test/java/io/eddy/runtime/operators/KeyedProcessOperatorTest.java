package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.TimeDomain;
import io.eddy.runtime.testing.OneInputHarness;
import org.junit.jupiter.api.Test;

class KeyedProcessOperatorTest {

  /** Counts per key; emits the count 10 ms (event time) and 100 ms (processing time) after the first record. */
  static final class CountWithTimers extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
      Long c = count.value();
      if (c == null) {
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100);
        c = 0L;
      }
      count.update(c + 1);
      if (value.startsWith("!")) {
        ctx.output(new OutputTag<String>("alerts"), value);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + ":" + count.value() + ":" + ctx.timeDomain() + "@" + timestamp);
    }
  }

  @Test
  void keyedStateAndTimersAreScopedToTheKey() throws Exception {
    var h = OneInputHarness.<String, String>of(s -> s.keyBy(v -> v.substring(v.length() - 1))
        .process(new CountWithTimers())).open();
    h.processElement("xa", 5);
    h.processElement("ya", 6);
    h.processElement("!b", 7);
    h.processWatermark(14);
    assertThat(h.output()).isEmpty();
    h.processWatermark(15);
    assertThat(h.output()).containsExactly("a:2:" + TimeDomain.EVENT_TIME + "@15");
    assertThat(h.outputTimestamps()).containsExactly(15L);
    h.processWatermark(17);
    assertThat(h.output()).hasSize(2).last().isEqualTo("b:1:" + TimeDomain.EVENT_TIME + "@17");
    h.setProcessingTime(100);
    assertThat(h.output()).hasSize(4).contains("a:2:PROCESSING_TIME@100", "b:1:PROCESSING_TIME@100");
    assertThat(h.sideOutput(new OutputTag<String>("alerts"))).containsExactly("!b");
    assertThat(h.watermarks()).containsExactly(14L, 15L, 17L);
  }

  /** Registers the same timer twice and deletes another: one firing only. */
  static final class DedupTimers extends KeyedProcessFunction<String, String, Long> {
    @Override
    public void processElement(String value, Context ctx, Collector<Long> out) {
      ctx.timerService().registerEventTimeTimer(100);
      ctx.timerService().registerEventTimeTimer(100);
      ctx.timerService().registerEventTimeTimer(50);
      ctx.timerService().deleteEventTimeTimer(50);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
      out.collect(timestamp);
    }
  }

  @Test
  void equalTimersFireOnceAndDeletedTimersNever() throws Exception {
    var h = OneInputHarness.<String, Long>of(s -> s.keyBy(v -> v).process(new DedupTimers())).open();
    h.processElement("k", 1);
    h.processElement("k", 2);
    h.endInput();
    assertThat(h.output()).containsExactly(100L);
  }

  static final class TimerOnNonKeyed extends ProcessFunction<String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(1);
    }
  }

  @Test
  void timersOnNonKeyedStreamsAreRefusedWithTheOperatorName() throws Exception {
    var h = OneInputHarness.<String, String>of(s -> s.process(new TimerOnNonKeyed()).name("my-process")).open();
    assertThatThrownBy(() -> h.processElement("x", 1)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("my-process");
  }
}
