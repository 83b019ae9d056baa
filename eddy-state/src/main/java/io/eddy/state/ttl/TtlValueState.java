package io.eddy.state.ttl;

import io.eddy.state.InternalStates.InternalValueState;

/** Value state with expiry: an expired value is removed on access and (by default) not returned. */
final class TtlValueState<N, V> implements InternalValueState<N, V> {
  private final InternalValueState<N, TtlValue<V>> inner;
  private final TtlPolicy policy;

  TtlValueState(InternalValueState<N, TtlValue<V>> inner, TtlPolicy policy) {
    this.inner = inner;
    this.policy = policy;
  }

  @Override
  public V value() throws Exception {
    TtlValue<V> stored = inner.value();
    if (stored == null) {
      return null;
    }
    if (policy.expired(stored)) {
      inner.clear();
      return policy.returnExpired() ? stored.value() : null;
    }
    if (policy.updateOnRead()) {
      inner.update(policy.wrap(stored.value()));
    }
    return stored.value();
  }

  @Override
  public void update(V value) throws Exception {
    if (value == null) {
      inner.clear();
    } else {
      inner.update(policy.wrap(value));
    }
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
