package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.BroadcastProcessFunction;
import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReadOnlyBroadcastState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is this subtask's share of a non-keyed
 * stream (read-only broadcast state), input 2 the broadcast stream, seen whole by every subtask
 * (writable broadcast state). Broadcast state is checkpointed with the operator state.
 */
final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final BroadcastProcessFunction<IN1, IN2, OUT> function;
  private final TimestampedCollector<OUT> collector;
  private final BroadcastStates states;
  private final BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext readOnlyContext;
  private final BroadcastProcessFunction<IN1, IN2, OUT>.Context broadcastContext;
  private long currentTimestamp;

  CoBroadcastWithNonKeyedOperator(OperatorContext context, Output<OUT> output,
      BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
    super(context, output, null, null);
    this.function = function;
    this.collector = new TimestampedCollector<>(output);
    this.states = new BroadcastStates(context.name(), descriptors, context.restoredLists());
    this.readOnlyContext = function.new ReadOnlyContext() {
      @Override public Long timestamp() { return timestampOrNull(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, currentTimestamp); }
      @Override public long currentProcessingTime() { return context.processingTimeService().now(); }
      @Override public long currentWatermark() { return currentWatermark; }
      @Override public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
        return states.getReadOnly(d);
      }
    };
    this.broadcastContext = function.new Context() {
      @Override public Long timestamp() { return timestampOrNull(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, currentTimestamp); }
      @Override public long currentProcessingTime() { return context.processingTimeService().now(); }
      @Override public long currentWatermark() { return currentWatermark; }
      @Override public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
        return states.get(d);
      }
    };
  }

  private Long timestampOrNull() {
    return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement(value, readOnlyContext, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processBroadcastElement(value, broadcastContext, collector);
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    Map<String, List<Object>> lists = new HashMap<>(super.snapshotOperatorState(checkpointId));
    lists.putAll(states.snapshot());
    return lists;
  }
}
