package io.eddy.api.state.v2;

import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.types.TypeSerializer;
import java.io.Serializable;

/**
 * Names a piece of asynchronous state and says how its values are serialized and whether they
 * expire. Each V2 descriptor stands for the synchronous descriptor of the same name and kind
 * ({@link #synchronousDescriptor()}), which is what backends create, snapshot and restore: the
 * stored form does not depend on the API used to reach it.
 */
public abstract sealed class StateDescriptor<T> implements Serializable
    permits ValueStateDescriptor, ListStateDescriptor, MapStateDescriptor, ReducingStateDescriptor,
        AggregatingStateDescriptor {
  private final io.eddy.api.state.StateDescriptor<T> synchronous;

  StateDescriptor(io.eddy.api.state.StateDescriptor<T> synchronous) {
    this.synchronous = synchronous;
  }

  /** The state's name, unique within its operator (Flink's state id). */
  public String getStateId() {
    return synchronous.getName();
  }

  /** Serializer of the stored value (the list element, the map value, the accumulator). */
  public TypeSerializer<T> getSerializer() {
    return synchronous.getSerializer();
  }

  /** Makes entries of this state expire; see {@link StateTtlConfig}. */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    synchronous.enableTimeToLive(ttlConfig);
  }

  public StateTtlConfig getTtlConfig() {
    return synchronous.getTtlConfig();
  }

  /** The synchronous descriptor of the same state (name, kind, serializers, TTL). */
  public io.eddy.api.state.StateDescriptor<T> synchronousDescriptor() {
    return synchronous;
  }

  @Override
  public String toString() {
    return "async " + synchronous;
  }
}
