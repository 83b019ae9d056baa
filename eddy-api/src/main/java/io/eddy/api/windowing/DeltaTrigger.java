package io.eddy.api.windowing;

import io.eddy.api.functions.DeltaFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;

/**
 * Fires when an element differs from the element of the last firing by more than a threshold,
 * as measured by a {@link DeltaFunction}. The first element of a window is only remembered; the
 * remembered element is trigger state of the (key, window), serialized by the given serializer.
 */
public final class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {
  private final DeltaFunction<T> deltaFunction;
  private final double threshold;
  private final ValueStateDescriptor<T> lastElementDescriptor;

  private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
    if (deltaFunction == null || stateSerializer == null) {
      throw new IllegalArgumentException("DeltaTrigger needs a delta function and a state serializer");
    }
    this.deltaFunction = deltaFunction;
    this.threshold = threshold;
    this.lastElementDescriptor = new ValueStateDescriptor<>("last-element", stateSerializer);
  }

  public static <T, W extends Window> DeltaTrigger<T, W> of(
      double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
    return new DeltaTrigger<>(threshold, deltaFunction, stateSerializer);
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ValueState<T> lastElement = ctx.getPartitionedState(lastElementDescriptor);
    T last = lastElement.value();
    if (last == null) {
      lastElement.update(element);
      return TriggerResult.CONTINUE;
    }
    if (deltaFunction.getDelta(last, element) > threshold) {
      lastElement.update(element);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ctx.<ValueState<T>>getPartitionedState(lastElementDescriptor).clear();
  }

  @Override
  public String toString() {
    return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
  }
}
