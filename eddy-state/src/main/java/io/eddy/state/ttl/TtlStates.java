package io.eddy.state.ttl;

import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalKvState;
import io.eddy.state.KeyedStateBackend;
import java.util.function.LongSupplier;

/**
 * Creates keyed state for a descriptor on any backend, adding expiry when the descriptor asks
 * for a TTL. Expiry is a decorator over the backend's plain states (values stored with their
 * access time), so every backend gets TTL with the same semantics.
 */
public final class TtlStates {
  private TtlStates() {}

  /**
   * @param clock processing time in milliseconds, against which TTL is measured
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, N> InternalKvState<N> create(
      KeyedStateBackend<K> backend, TypeSerializer<N> ns, StateDescriptor<?> descriptor, LongSupplier clock) {
    if (!descriptor.getTtlConfig().isEnabled()) {
      return switch (descriptor) {
        case ValueStateDescriptor d -> backend.createValueState(ns, d);
        case ListStateDescriptor d -> backend.createListState(ns, d);
        case MapStateDescriptor d -> backend.createMapState(ns, d);
        case ReducingStateDescriptor d -> backend.createReducingState(ns, d);
        case AggregatingStateDescriptor d -> backend.createAggregatingState(ns, d);
      };
    }
    TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock);
    String name = descriptor.getName();
    TypeSerializer wrapped = new TtlValueSerializer<>(descriptor.getSerializer());
    return switch (descriptor) {
      case ValueStateDescriptor d ->
          new TtlValueState<>(backend.createValueState(ns, timed(new ValueStateDescriptor<>(name, wrapped), d)), policy);
      case ListStateDescriptor d ->
          new TtlListState<>(backend.createListState(ns, timed(new ListStateDescriptor<>(name, wrapped), d)), policy);
      case MapStateDescriptor d -> new TtlMapState<>(backend.createMapState(ns,
          timed(new MapStateDescriptor<>(name, d.getUserKeySerializer(), wrapped), d)), policy);
      case ReducingStateDescriptor d -> new TtlReducingState<>(new TtlAggregatingState<>(
          backend.createValueState(ns, timed(new ValueStateDescriptor<>(name, wrapped), d)),
          new ReduceAsAggregate<>(d.getReduceFunction()), policy));
      case AggregatingStateDescriptor d -> new TtlAggregatingState<>(
          backend.createValueState(ns, timed(new ValueStateDescriptor<>(name, wrapped), d)),
          d.getAggregateFunction(), policy);
    };
  }

  /**
   * Keeps the TTL on the descriptor of the wrapped state, telling a byte-oriented backend that
   * its values begin with the 8-byte access timestamp, so its compaction may drop expired ones
   * (see io.eddy.state.bytes.ColumnOptions). Backends never apply the TTL themselves.
   */
  private static <D extends StateDescriptor<?>> D timed(D wrapped, StateDescriptor<?> original) {
    wrapped.enableTimeToLive(original.getTtlConfig());
    return wrapped;
  }
}
