package io.eddy.runtime.operators.windowing;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.graph.WindowContents;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.api.windowing.TimestampedValue;
import io.eddy.state.InternalMergingState;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalReducingState;
import java.util.Collection;
import java.util.List;

/**
 * A window's contents in keyed state, namespaced by window: every element (for a
 * ProcessWindowFunction), every element with its timestamp (when an evictor needs them), or one
 * reduced value or accumulator. {@link #contents()} is what the window function sees (for the
 * timestamped kind, the {@link TimestampedValue}s the evictor sees), or null if the window holds
 * nothing.
 */
final class WindowContentsState<W> {
  private final InternalMergingState<W> state;
  private final Kind kind;

  private enum Kind { LIST, TIMESTAMPED, REDUCING, AGGREGATING }

  @SuppressWarnings({"unchecked", "rawtypes"})
  WindowContentsState(KeyedStateBackend<Object> backend, TypeSerializer<W> windowSerializer, WindowContents contents,
      boolean evicting) {
    String name = "window-contents";
    if (evicting && !(contents instanceof WindowContents.AllElements)) {
      throw new IllegalArgumentException("A window with an evictor keeps all its elements, not " + contents);
    }
    switch (contents) {
      case WindowContents.AllElements all -> {
        state = backend.createListState(windowSerializer,
            new ListStateDescriptor<>(evicting ? "window-contents-timestamped" : name, TypeSerializers.generic()));
        kind = evicting ? Kind.TIMESTAMPED : Kind.LIST;
      }
      case WindowContents.Reduced reduced -> {
        state = backend.createReducingState(windowSerializer,
            new ReducingStateDescriptor<>(name, (ReduceFunction) reduced.reduceFunction(), TypeSerializers.generic()));
        kind = Kind.REDUCING;
      }
      case WindowContents.Aggregated aggregated -> {
        state = backend.createAggregatingState(windowSerializer, new AggregatingStateDescriptor<>(
            name, (AggregateFunction) aggregated.aggregateFunction(), TypeSerializers.generic()));
        kind = Kind.AGGREGATING;
      }
    }
  }

  /** The state itself (any namespace), for prefetching. */
  InternalMergingState<W> state() {
    return state;
  }

  /** Whether {@link #add} reads the window's state (a reduced value or accumulator) rather than appending. */
  boolean readsOnAdd() {
    return kind == Kind.REDUCING || kind == Kind.AGGREGATING;
  }

  void setWindow(W window) {
    state.setCurrentNamespace(window);
  }

  @SuppressWarnings("unchecked")
  void add(Object element, long timestamp) throws Exception {
    switch (kind) {
      case LIST -> ((InternalListState<W, Object>) state).add(element);
      case TIMESTAMPED -> ((InternalListState<W, Object>) state).add(new TimestampedValue<>(element, timestamp));
      case REDUCING -> ((InternalReducingState<W, Object>) state).add(element);
      case AGGREGATING -> ((InternalAggregatingState<W, Object, Object>) state).add(element);
    }
  }

  /** The elements (or the one aggregate) for the window function, or null when empty. */
  @SuppressWarnings("unchecked")
  Iterable<Object> contents() throws Exception {
    switch (kind) {
      case LIST, TIMESTAMPED -> {
        Iterable<Object> list = ((InternalListState<W, Object>) state).get();
        return list.iterator().hasNext() ? list : null;
      }
      case REDUCING -> {
        Object value = ((InternalReducingState<W, Object>) state).get();
        return value == null ? null : List.of(value);
      }
      default -> {
        Object value = ((InternalAggregatingState<W, Object, Object>) state).get();
        return value == null ? null : List.of(value);
      }
    }
  }

  /** Replaces the window's timestamped elements by those an evictor left. */
  @SuppressWarnings("unchecked")
  void replaceTimestamped(List<TimestampedValue<Object>> remaining) throws Exception {
    if (kind != Kind.TIMESTAMPED) {
      throw new IllegalStateException("Only the timestamped contents of an evicting window are replaced");
    }
    ((InternalListState<W, Object>) state).update((List<Object>) (List<?>) remaining);
  }

  void clear() {
    state.clear();
  }

  void merge(W target, Collection<W> sources) throws Exception {
    state.mergeNamespaces(target, sources);
  }
}
