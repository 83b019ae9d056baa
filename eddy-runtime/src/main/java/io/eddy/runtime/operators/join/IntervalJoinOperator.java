package io.eddy.runtime.operators.join;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.ProcessJoinFunction;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.types.TypeSerializers;
import io.eddy.runtime.operators.AbstractTwoInputOperator;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.Triggerable;
import io.eddy.state.timers.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interval join of two keyed streams: a left record at time t pairs with every right record of
 * its key whose time lies in [t + lower, t + upper]. Both sides are buffered per key and
 * timestamp, and dropped once the watermark guarantees no future partner. Records already
 * behind the watermark when they arrive are late and dropped (counted). Each pair is emitted
 * once, with the larger of the two timestamps. In the asynchronous execution model records and
 * cleanup timers run through the controller in per-key order (the buffers are maps scanned
 * whole, which no prefetch can name: they are read synchronously).
 */
public final class IntervalJoinOperator<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT>
    implements Triggerable<Object, String> {
  private static final String LEFT = "left";
  private static final String RIGHT = "right";

  private final long lowerBound;
  private final long upperBound;
  private final ProcessJoinFunction<IN1, IN2, OUT> function;
  private MapState<Long, List<IN1>> leftBuffer;
  private MapState<Long, List<IN2>> rightBuffer;
  private InternalTimerService<Object, String> cleanupTimers;
  private JoinContext ctx;
  private long leftTs;
  private long rightTs;
  private long outTs;

  public IntervalJoinOperator(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> key1,
      KeySelector<IN2, ?> key2, long lowerBound, long upperBound, ProcessJoinFunction<IN1, IN2, OUT> function) {
    super(context, output, key1, key2);
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open() throws Exception {
    leftBuffer = keyedStateStore().getMapState(new MapStateDescriptor<>("interval-join-left",
        TypeSerializers.of(Long.class), TypeSerializers.generic()));
    rightBuffer = keyedStateStore().getMapState(new MapStateDescriptor<>("interval-join-right",
        TypeSerializers.of(Long.class), TypeSerializers.generic()));
    cleanupTimers = timerService("interval-join-cleanup", TypeSerializers.of(String.class), this);
    ctx = new JoinContext();
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    processKeyed(keySelector1.getKey(value), null, null, () -> processLeft(value, timestamp));
  }

  private void processLeft(IN1 value, long timestamp) throws Exception {
    if (late(timestamp)) {
      return;
    }
    add(leftBuffer, value, timestamp);
    for (Map.Entry<Long, List<IN2>> bucket : rightBuffer.entries()) {
      long t = bucket.getKey();
      if (t >= timestamp + lowerBound && t <= timestamp + upperBound) {
        for (IN2 right : bucket.getValue()) {
          emit(value, timestamp, right, t);
        }
      }
    }
    cleanupTimers.registerEventTimeTimer(LEFT, upperBound > 0 ? timestamp + upperBound : timestamp);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    processKeyed(1, keySelector2.getKey(value), null, null, () -> processRight(value, timestamp));
  }

  private void processRight(IN2 value, long timestamp) throws Exception {
    if (late(timestamp)) {
      return;
    }
    add(rightBuffer, value, timestamp);
    for (Map.Entry<Long, List<IN1>> bucket : leftBuffer.entries()) {
      long t = bucket.getKey();
      if (timestamp >= t + lowerBound && timestamp <= t + upperBound) {
        for (IN1 left : bucket.getValue()) {
          emit(left, t, value, timestamp);
        }
      }
    }
    cleanupTimers.registerEventTimeTimer(RIGHT, lowerBound <= 0 ? timestamp - lowerBound : timestamp);
  }

  private boolean late(long timestamp) {
    if (timestamp == Output.NO_TIMESTAMP) {
      throw new IllegalStateException("Interval join needs event timestamps: assign them with a WatermarkStrategy");
    }
    if (currentWatermark != Long.MIN_VALUE && timestamp < currentWatermark) {
      countLateRecordDropped();
      return true;
    }
    return false;
  }

  private static <T> void add(MapState<Long, List<T>> buffer, T value, long timestamp) throws Exception {
    List<T> bucket = buffer.get(timestamp);
    List<T> updated = bucket == null ? new ArrayList<>(2) : new ArrayList<>(bucket);
    updated.add(value);
    buffer.put(timestamp, updated);
  }

  private void emit(IN1 left, long lt, IN2 right, long rt) throws Exception {
    leftTs = lt;
    rightTs = rt;
    outTs = Math.max(lt, rt);
    function.processElement(left, right, ctx, record -> output.collect(record, outTs));
  }

  @Override
  public void onEventTime(Timer<Object, String> timer) throws Exception {
    long time = timer.timestamp();
    if (LEFT.equals(timer.namespace())) {
      leftBuffer.remove(upperBound <= 0 ? time : time - upperBound);
    } else {
      rightBuffer.remove(lowerBound <= 0 ? time + lowerBound : time);
    }
  }

  @Override
  public void onProcessingTime(Timer<Object, String> timer) {}

  /** Timestamps of the pair being emitted. */
  private final class JoinContext extends ProcessJoinFunction<IN1, IN2, OUT>.Context {
    JoinContext() {
      function.super();
    }

    @Override public long getLeftTimestamp() { return leftTs; }
    @Override public long getRightTimestamp() { return rightTs; }
    @Override public long getTimestamp() { return outTs; }
    @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, outTs); }
  }
}
