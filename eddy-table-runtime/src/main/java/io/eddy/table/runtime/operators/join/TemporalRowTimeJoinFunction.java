package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.types.TypeSerializers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event-time temporal join (Flink's TemporalRowTimeJoinOperator), keyed by the versioned table's
 * primary key on the right and the matching left fields: left rows wait in state (by arrival
 * number) until the watermark reaches their time, then join the version valid at that time
 * ({@link TemporalJoinProcessor}), in arrival order; versions are kept by time (a later change at
 * the same time replaces an earlier one), and every version older than the latest one at or before
 * the watermark is dropped, as no waiting or later left row can join it. One event timer per key,
 * at the earliest time that needs work. A left row behind the watermark is not dropped: it joins
 * at the next watermark with the versions still kept, as in Flink.
 *
 * <p>With a state retention time ({@code table.exec.state.ttl}), Flink's
 * BaseTwoInputStreamOperatorWithStateRetention: each row sets a processing-time cleanup timer at
 * now + 1.5 x the retention unless one at least the retention ahead exists; when it fires, the
 * key's whole state goes. A key whose left rows were all joined and that keeps no versions drops
 * its cleanup timer at once.
 */
public final class TemporalRowTimeJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final TemporalJoinProcessor processor;
  private final long minRetention;
  private final long maxRetention;

  private transient ValueState<Long> nextLeftIndex;
  private transient MapState<Long, Row> left;
  private transient MapState<Long, Row> right;
  private transient ValueState<Long> registeredTimer;
  private transient ValueState<Long> cleanupTimer;

  /** {@code stateRetention} zero for none. */
  public TemporalRowTimeJoinFunction(TemporalJoinProcessor processor, Duration stateRetention) {
    this.processor = processor;
    this.minRetention = stateRetention.toMillis();
    this.maxRetention = minRetention * 3 / 2;
  }

  @Override
  public void open(OpenContext openContext) {
    nextLeftIndex = getRuntimeContext().getState(new ValueStateDescriptor<>("next-index", TypeSerializers.<Long>generic()));
    left = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("left", TypeSerializers.<Long>generic(), TypeSerializers.<Row>generic()));
    right = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("right", TypeSerializers.<Long>generic(), TypeSerializers.<Row>generic()));
    registeredTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", TypeSerializers.<Long>generic()));
    cleanupTimer = getRuntimeContext().getState(
        new ValueStateDescriptor<>("cleanup-timer", TypeSerializers.<Long>generic()));
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    Long index = nextLeftIndex.value();
    long next = index == null ? 0L : index;
    nextLeftIndex.update(next + 1);
    left.put(next, row);
    registerSmallestTimer(processor.leftTime(row), ctx);
    registerCleanupTimer(ctx);
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    long time = processor.rightTime(row);
    right.put(time, row);
    registerSmallestTimer(time, ctx);
    registerCleanupTimer(ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      Long cleanup = cleanupTimer.value();
      if (cleanup != null && cleanup == timestamp) {
        left.clear();
        right.clear();
        nextLeftIndex.clear();
        registeredTimer.clear();
        cleanupTimer.clear();
      }
      return;
    }
    registeredTimer.clear();
    long watermark = ctx.timerService().currentWatermark();
    List<Row> versions = new ArrayList<>();
    for (Row version : right.values()) {
      versions.add(version);
    }
    versions.sort(Comparator.comparingLong(processor::rightTime));
    TreeMap<Long, Row> released = new TreeMap<>();
    long earliestWaiting = Long.MAX_VALUE;
    for (Map.Entry<Long, Row> entry : left.entries()) {
      long time = processor.leftTime(entry.getValue());
      if (time <= watermark) {
        released.put(entry.getKey(), entry.getValue());
      } else {
        earliestWaiting = Math.min(earliestWaiting, time);
      }
    }
    for (long index : released.keySet()) {
      left.remove(index);
    }
    processor.join(new ArrayList<>(released.values()), versions, out);
    int expired = processor.expiredVersions(versions, watermark);
    for (int i = 0; i < expired; i++) {
      right.remove(processor.rightTime(versions.get(i)));
    }
    if (earliestWaiting < Long.MAX_VALUE) {
      registerTimer(earliestWaiting, ctx);
    }
    if (minRetention > 0) {
      if (earliestWaiting < Long.MAX_VALUE || !right.isEmpty()) {
        registerCleanupTimer(ctx);
      } else {
        Long cleanup = cleanupTimer.value();
        if (cleanup != null) {
          ctx.timerService().deleteProcessingTimeTimer(cleanup);
          cleanupTimer.clear();
        }
        nextLeftIndex.clear();
      }
    }
  }

  /** Moves the key's cleanup timer to now + the maximum retention unless it is at least the minimum ahead. */
  private void registerCleanupTimer(Context ctx) throws Exception {
    if (minRetention <= 0) {
      return;
    }
    long now = ctx.timerService().currentProcessingTime();
    Long cleanup = cleanupTimer.value();
    if (cleanup == null || now + minRetention > cleanup) {
      if (cleanup != null) {
        ctx.timerService().deleteProcessingTimeTimer(cleanup);
      }
      cleanupTimer.update(now + maxRetention);
      ctx.timerService().registerProcessingTimeTimer(now + maxRetention);
    }
  }

  private void registerSmallestTimer(long time, Context ctx) throws Exception {
    Long registered = registeredTimer.value();
    if (registered == null) {
      registerTimer(time, ctx);
    } else if (registered > time) {
      ctx.timerService().deleteEventTimeTimer(registered);
      registerTimer(time, ctx);
    }
  }

  private void registerTimer(long time, Context ctx) throws Exception {
    registeredTimer.update(time);
    ctx.timerService().registerEventTimeTimer(time);
  }
}
