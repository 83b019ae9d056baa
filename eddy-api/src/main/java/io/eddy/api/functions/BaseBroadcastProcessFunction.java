package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReadOnlyBroadcastState;

/**
 * What the broadcast functions ({@link BroadcastProcessFunction}, {@link
 * KeyedBroadcastProcessFunction}) share: the contexts of both sides. The broadcast side may
 * write the broadcast state (every subtask sees every broadcast element); the other side only
 * reads it (it sees its own share of the elements, so writes would make the copies differ).
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {

  /** What both sides see: the element's timestamp, time, and side outputs. */
  public abstract class BaseContext {
    /** The timestamp of the element being processed, or null if it has none. */
    public abstract Long timestamp();

    public abstract <X> void output(OutputTag<X> outputTag, X value);

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();
  }

  /** The broadcast side's context: broadcast state is writable. */
  public abstract class Context extends BaseContext {
    /** The broadcast state of the descriptor, which must be one passed to {@code broadcast(...)}. */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor)
        throws Exception;
  }

  /** The non-broadcast side's context: broadcast state is read-only. */
  public abstract class ReadOnlyContext extends BaseContext {
    /** The broadcast state of the descriptor, which must be one passed to {@code broadcast(...)}. */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor)
        throws Exception;
  }
}
