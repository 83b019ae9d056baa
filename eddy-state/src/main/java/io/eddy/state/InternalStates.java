package io.eddy.state;

import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.ListState;
import io.eddy.api.state.MapState;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ValueState;

/** The internal (namespaced) forms of the five state primitives that every backend provides. */
public final class InternalStates {
  private InternalStates() {}

  /** Namespaced value state. */
  public interface InternalValueState<N, V> extends ValueState<V>, InternalKvState<N> {}

  /** Namespaced list state. */
  public interface InternalListState<N, V> extends ListState<V>, InternalMergingState<N> {}

  /** Namespaced map state. */
  public interface InternalMapState<N, UK, UV> extends MapState<UK, UV>, InternalKvState<N> {}

  /** Namespaced reducing state. */
  public interface InternalReducingState<N, V> extends ReducingState<V>, InternalMergingState<N> {}

  /** Namespaced aggregating state. */
  public interface InternalAggregatingState<N, IN, OUT> extends AggregatingState<IN, OUT>, InternalMergingState<N> {}
}
