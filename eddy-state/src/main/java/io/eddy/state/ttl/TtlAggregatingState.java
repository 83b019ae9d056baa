package io.eddy.state.ttl;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalValueState;
import java.util.Collection;

/**
 * Aggregating (and, through an adapter, reducing) state with expiry: the accumulator expires as
 * a whole; adding to an expired accumulator starts a fresh one.
 */
final class TtlAggregatingState<N, IN, ACC, OUT> implements InternalAggregatingState<N, IN, OUT> {
  private final InternalValueState<N, TtlValue<ACC>> inner;
  private final AggregateFunction<IN, ACC, OUT> aggregate;
  private final TtlPolicy policy;

  TtlAggregatingState(InternalValueState<N, TtlValue<ACC>> inner, AggregateFunction<IN, ACC, OUT> aggregate,
      TtlPolicy policy) {
    this.inner = inner;
    this.aggregate = aggregate;
    this.policy = policy;
  }

  private ACC liveAccumulator(boolean forRead) throws Exception {
    TtlValue<ACC> stored = inner.value();
    if (stored == null) {
      return null;
    }
    if (policy.expired(stored)) {
      inner.clear();
      return forRead && policy.returnExpired() ? stored.value() : null;
    }
    if (forRead && policy.updateOnRead()) {
      inner.update(policy.wrap(stored.value()));
    }
    return stored.value();
  }

  @Override
  public OUT get() throws Exception {
    ACC acc = liveAccumulator(true);
    return acc == null ? null : aggregate.getResult(acc);
  }

  @Override
  public void add(IN value) throws Exception {
    ACC acc = liveAccumulator(false);
    inner.update(policy.wrap(aggregate.add(value, acc == null ? aggregate.createAccumulator() : acc)));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    throw new UnsupportedOperationException("State with TTL cannot be used in merging (session) windows");
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
