package io.eddy.state.ttl;

import io.eddy.state.InternalStates.InternalListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** List state whose elements expire one by one; expired elements are dropped when the list is read. */
final class TtlListState<N, V> implements InternalListState<N, V> {
  private final InternalListState<N, TtlValue<V>> inner;
  private final TtlPolicy policy;

  TtlListState(InternalListState<N, TtlValue<V>> inner, TtlPolicy policy) {
    this.inner = inner;
    this.policy = policy;
  }

  @Override
  public Iterable<V> get() throws Exception {
    List<V> visible = new ArrayList<>();
    List<TtlValue<V>> kept = new ArrayList<>();
    boolean changed = false;
    for (TtlValue<V> element : inner.get()) {
      if (policy.expired(element)) {
        changed = true;
        if (policy.returnExpired()) {
          visible.add(element.value());
        }
      } else {
        visible.add(element.value());
        TtlValue<V> renewed = policy.updateOnRead() ? policy.wrap(element.value()) : element;
        changed |= renewed != element;
        kept.add(renewed);
      }
    }
    if (changed) {
      inner.update(kept);
    }
    return visible;
  }

  @Override
  public void add(V value) throws Exception {
    inner.add(policy.wrap(value));
  }

  @Override
  public void update(List<V> values) throws Exception {
    inner.update(wrapAll(values));
  }

  @Override
  public void addAll(List<V> values) throws Exception {
    inner.addAll(wrapAll(values));
  }

  private List<TtlValue<V>> wrapAll(List<V> values) {
    List<TtlValue<V>> wrapped = new ArrayList<>(values == null ? 0 : values.size());
    if (values != null) {
      for (V v : values) {
        wrapped.add(policy.wrap(v));
      }
    }
    return wrapped;
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    inner.mergeNamespaces(target, sources);
  }

  @Override
  public void setCurrentNamespace(N namespace) {
    inner.setCurrentNamespace(namespace);
  }

  @Override
  public void clear() {
    inner.clear();
  }
}
