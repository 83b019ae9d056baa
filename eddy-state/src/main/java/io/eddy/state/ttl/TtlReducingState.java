package io.eddy.state.ttl;

import io.eddy.state.InternalStates.InternalReducingState;
import java.util.Collection;

/** Reducing state with expiry, run as an aggregating state whose accumulator is the value. */
final class TtlReducingState<N, V> implements InternalReducingState<N, V> {
  private final TtlAggregatingState<N, V, V, V> delegate;

  TtlReducingState(TtlAggregatingState<N, V, V, V> delegate) {
    this.delegate = delegate;
  }

  @Override
  public V get() throws Exception {
    return delegate.get();
  }

  @Override
  public void add(V value) throws Exception {
    delegate.add(value);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    delegate.mergeNamespaces(target, sources);
  }

  @Override
  public void setCurrentNamespace(N namespace) {
    delegate.setCurrentNamespace(namespace);
  }

  @Override
  public void clear() {
    delegate.clear();
  }
}
