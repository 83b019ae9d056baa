package io.eddy.it;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.runtime.TestEventSource.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Uses every state primitive (and TTL-ed value and list state, with a TTL no run reaches) and
 * event-time timers, and emits only what is deterministic when
 * each key's events arrive in order (as {@link BackendEquivalenceTest} arranges): a summary of
 * all states every seventh event, and for each event a timer 100 ms later that reports the value
 * pending for it.
 */
final class AllPrimitivesFunction extends KeyedProcessFunction<Integer, Event, String> {
  private transient ValueState<Long> count;
  private transient ListState<Long> recent;
  private transient MapState<Integer, Long> lastDigits;
  private transient ReducingState<Long> sum;
  private transient AggregatingState<Event, Long> average;
  private transient MapState<Long, Long> pending;
  private transient ValueState<Long> ttlCount;
  private transient ListState<Long> ttlFirst;

  @Override
  public void open(OpenContext context) {
    count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    recent = getRuntimeContext().getListState(new ListStateDescriptor<>("recent", Long.class));
    lastDigits = getRuntimeContext().getMapState(new MapStateDescriptor<>("digits", Integer.class, Long.class));
    sum = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
    average = getRuntimeContext().getAggregatingState(
        new AggregatingStateDescriptor<>("average", new IntegerAverage(), long[].class));
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Long.class, Long.class));
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1)).build();
    ValueStateDescriptor<Long> ttlCountDescriptor = new ValueStateDescriptor<>("ttl-count", Long.class);
    ttlCountDescriptor.enableTimeToLive(ttl);
    ttlCount = getRuntimeContext().getState(ttlCountDescriptor);
    ListStateDescriptor<Long> ttlFirstDescriptor = new ListStateDescriptor<>("ttl-first", Long.class);
    ttlFirstDescriptor.enableTimeToLive(ttl);
    ttlFirst = getRuntimeContext().getListState(ttlFirstDescriptor);
  }

  @Override
  public void processElement(Event e, Context ctx, Collector<String> out) throws Exception {
    long c = count.value() == null ? 1 : count.value() + 1;
    count.update(c);
    ttlCount.update(ttlCount.value() == null ? 1 : ttlCount.value() + 1);
    if (c <= 2) {
      ttlFirst.add(e.value());
    }
    recent.add(e.value());
    List<Long> values = new ArrayList<>();
    recent.get().forEach(values::add);
    if (values.size() > 3) {
      recent.update(new ArrayList<>(values.subList(values.size() - 3, values.size())));
    }
    int digit = (int) (e.value() % 10);
    Long seen = lastDigits.get(digit);
    lastDigits.put(digit, seen == null ? 1 : seen + 1);
    sum.add(e.value());
    average.add(e);
    long fireAt = e.timestamp() + 100;
    pending.put(fireAt, e.value());
    ctx.timerService().registerEventTimeTimer(fireAt);
    if (c % 7 == 0) {
      Map<Integer, Long> digits = new TreeMap<>();
      lastDigits.entries().forEach(en -> digits.put(en.getKey(), en.getValue()));
      List<Long> last = new ArrayList<>();
      recent.get().forEach(last::add);
      List<Long> first = new ArrayList<>();
      ttlFirst.get().forEach(first::add);
      out.collect(ctx.getCurrentKey() + " n=" + c + " recent=" + last + " digits=" + digits + " sum=" + sum.get()
          + " avg=" + average.get() + " ttl=" + ttlCount.value() + " first=" + first);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
    Long value = pending.get(timestamp);
    pending.remove(timestamp);
    out.collect(ctx.getCurrentKey() + "@" + timestamp + "=" + value);
  }

  /** Integer average of event values with a mutable accumulator, changed in place as user code often does. */
  static final class IntegerAverage implements AggregateFunction<Event, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Event event, long[] acc) {
      acc[0] += event.value();
      acc[1]++;
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0] / acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }
}
