package io.eddy.runtime.state;

import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.ListState;
import io.eddy.api.state.MapState;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ValueState;
import io.eddy.state.InternalKvState;
import io.eddy.state.VoidNamespace;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Binds internal state to a namespace chosen at access time (the window being evaluated), by
 * setting it before every call. State in the void namespace needs no binding and is returned as is.
 */
final class NamespacedState {
  private NamespacedState() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <N> Object wrap(InternalKvState<N> state, Supplier<N> namespace) {
    if (namespace.get() == VoidNamespace.INSTANCE) {
      return state;
    }
    return switch (state) {
      case ValueState v -> new Value(state, namespace);
      case ListState l -> new ListView(state, namespace);
      case MapState m -> new MapView(state, namespace);
      case ReducingState r -> new Reducing(state, namespace);
      case AggregatingState a -> new Aggregating(state, namespace);
      default -> throw new IllegalArgumentException("Unknown state " + state);
    };
  }

  private abstract static class Bound<N, S> {
    private final InternalKvState<N> state;
    private final Supplier<N> namespace;

    Bound(InternalKvState<N> state, Supplier<N> namespace) {
      this.state = state;
      this.namespace = namespace;
    }

    @SuppressWarnings("unchecked")
    S s() {
      state.setCurrentNamespace(namespace.get());
      return (S) state;
    }

    public void clear() {
      state.setCurrentNamespace(namespace.get());
      state.clear();
    }
  }

  private static final class Value<N, T> extends Bound<N, ValueState<T>> implements ValueState<T> {
    Value(InternalKvState<N> state, Supplier<N> ns) {
      super(state, ns);
    }

    @Override public T value() throws Exception { return s().value(); }
    @Override public void update(T value) throws Exception { s().update(value); }
  }

  private static final class ListView<N, T> extends Bound<N, ListState<T>> implements ListState<T> {
    ListView(InternalKvState<N> state, Supplier<N> ns) {
      super(state, ns);
    }

    @Override public Iterable<T> get() throws Exception { return s().get(); }
    @Override public void add(T value) throws Exception { s().add(value); }
    @Override public void update(List<T> values) throws Exception { s().update(values); }
    @Override public void addAll(List<T> values) throws Exception { s().addAll(values); }
  }

  private static final class MapView<N, K, V> extends Bound<N, MapState<K, V>> implements MapState<K, V> {
    MapView(InternalKvState<N> state, Supplier<N> ns) {
      super(state, ns);
    }

    @Override public V get(K key) throws Exception { return s().get(key); }
    @Override public void put(K key, V value) throws Exception { s().put(key, value); }
    @Override public void putAll(Map<K, V> map) throws Exception { s().putAll(map); }
    @Override public void remove(K key) throws Exception { s().remove(key); }
    @Override public boolean contains(K key) throws Exception { return s().contains(key); }
    @Override public Iterable<Map.Entry<K, V>> entries() throws Exception { return s().entries(); }
    @Override public Iterable<K> keys() throws Exception { return s().keys(); }
    @Override public Iterable<V> values() throws Exception { return s().values(); }
    @Override public Iterator<Map.Entry<K, V>> iterator() throws Exception { return s().iterator(); }
    @Override public boolean isEmpty() throws Exception { return s().isEmpty(); }
  }

  private static final class Reducing<N, T> extends Bound<N, ReducingState<T>> implements ReducingState<T> {
    Reducing(InternalKvState<N> state, Supplier<N> ns) {
      super(state, ns);
    }

    @Override public T get() throws Exception { return s().get(); }
    @Override public void add(T value) throws Exception { s().add(value); }
  }

  private static final class Aggregating<N, I, O> extends Bound<N, AggregatingState<I, O>>
      implements AggregatingState<I, O> {
    Aggregating(InternalKvState<N> state, Supplier<N> ns) {
      super(state, ns);
    }

    @Override public O get() throws Exception { return s().get(); }
    @Override public void add(I value) throws Exception { s().add(value); }
  }
}
